// The build failed on the URL, named where tokens go, and printed neither the token nor the URL's user part.
def log = new File(basedir, 'build.log').text
assert log.contains('holds a password or token')
assert log.contains('GOLDENPATH_GIT_TOKEN')
assert log.contains('<serverId>')
assert log.contains('https://****@127.0.0.1:9/shop/gitops.git')
assert !log.contains('it-url-token-never-printed')
return true
