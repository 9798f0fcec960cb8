def log = new File(basedir, 'build.log').text
assert log.contains('Generated it.shapes.ShapesNative (6 exports, 1 file(s) changed)')
assert log.contains('Tests run: 5, Failures: 0, Errors: 0, Skipped: 0')
def source = new File(basedir, 'target/generated-sources/ferrule/it/shapes/ShapesNative.java')
assert source.isFile()
assert source.text.contains('public static long shapes_area(MemorySegment size)')
return true
