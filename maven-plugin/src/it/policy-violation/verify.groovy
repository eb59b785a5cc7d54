// The check goal failed with the finding: file, object, field, rule and fix.
def log = new File(basedir, 'build.log').text
// The app and the baseline's own tag-pinned images (Falco, Trivy) all break the tightened policy.
assert log.contains('the rendered objects break 3 policy rules without a declared weakening')
assert log.contains('apps/production/storefront/deployment.yaml')
assert log.contains('[image-digest]')
return true
