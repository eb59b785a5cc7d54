// The check goal failed with the finding: file, object, field, rule and fix.
def log = new File(basedir, 'build.log').text
assert log.contains('the rendered objects break 1 policy rule without a declared exception')
assert log.contains('apps/production/storefront/deployment.yaml')
assert log.contains('[pss-app-armor]')
return true
