def log = new File(basedir, 'build.log').text
assert log.contains('Generated it.shapes.ShapesNative: 6 of 6 exported function(s) bound in the raw layer; 1 file(s) changed, 0 stale file(s) deleted')
assert log.contains('Tests run: 5, Failures: 0, Errors: 0, Skipped: 0')
def source = new File(basedir, 'target/generated-sources/ferrule/it/shapes/ShapesNative.java')
assert source.isFile()
assert source.text.contains('public static long shapes_area(MemorySegment size)')
// This jar does not declare Enable-Native-Access: generate says how to add it.
assert log.contains('The jar of generate-raw does not declare Enable-Native-Access')
return true
