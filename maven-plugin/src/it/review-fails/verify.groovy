// The review goal wrote the report, then failed the build on the new edges, listing each.
def report = new File(basedir, 'target/goldenpath-review.md')
assert report.isFile() : "no review at ${report}"
assert report.text.startsWith('### goldenpath security review')
assert report.text.contains('<details><summary>Network edges')
def log = new File(basedir, 'build.log').text
assert log.contains('goldenpath: review: ')
assert log.contains('the change fails the review policy')
assert log =~ /\[edge-added\] \+ production: web-production\/storefront -> web-production\/catalog 8080\/TCP/
return true
