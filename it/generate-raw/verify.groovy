def log = new File(basedir, 'build.log').text
def generated = 'Generated it.shapes.ShapesNative: 6 of 6 exported function(s) bound in the raw layer; '
// Run 1 wrote the source; run 3, a full run after a parameter changed, found it already right.
assert log.count(generated + '1 file(s) changed, 0 stale file(s) deleted') == 1
assert log.count(generated + '0 file(s) changed, 0 stale file(s) deleted') == 1
// Run 2 only: nothing changed, so nothing ran.
assert log.count('Nothing changed since the last ferrule:generate') == 1
assert log.count('Tests run: 5, Failures: 0, Errors: 0, Skipped: 0, Time elapsed') == 3
// Run 2 rewrote nothing, so Maven's own checks found the classes and the jar up to date.
def runs = log.split(/BUILD SUCCESS/)
assert runs.length >= 3
assert runs[1].contains('Nothing changed since the last ferrule:generate')
assert !runs[1].contains('Building jar:') && !runs[1].contains('Compiling ')
def source = new File(basedir, 'target/generated-sources/ferrule/it/shapes/ShapesNative.java')
assert source.isFile()
assert source.text.contains('public static long shapes_area(MemorySegment size)')
// This jar does not declare Enable-Native-Access: generate says how to add it, in every run.
assert log.count('The jar of generate-raw does not declare Enable-Native-Access') == 3
return true
