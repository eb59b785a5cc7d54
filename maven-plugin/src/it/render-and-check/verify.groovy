// The render goal wrote the tree, the check goal passed, and both said so.
def tree = new File(basedir, 'target/goldenpath/shop')
def deployment = new File(tree, 'apps/production/storefront/deployment.yaml')
assert deployment.isFile() : "no rendered Deployment at ${deployment}"
assert deployment.text.contains('readOnlyRootFilesystem: true')
assert new File(tree, 'apps/production/storefront/kustomization.yaml').text.contains('deployment.yaml')
assert new File(tree, 'platform/production').isDirectory()
assert new File(tree, 'docs/network/production.md').text.contains('```mermaid')
def log = new File(basedir, 'build.log').text
assert log.contains('goldenpath: rendered shop: 2 app instances')
assert log.contains('goldenpath: shop passed: spec valid')
return true
