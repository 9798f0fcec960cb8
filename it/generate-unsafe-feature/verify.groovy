def log = new File(basedir, 'build.log').text
// A SNAPSHOT build may use the risky feature (with a warning); the loader still refuses it at run time.
assert log.contains('unsafe-fast')
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
def rawClass = new File(basedir, 'target/generated-sources/ferrule/it/risky/RiskyNative.java').text
assert rawClass.contains('public static final List<String> FEATURES = List.of("default", "unsafe-fast");')
assert rawClass.contains('LibraryIdentity.verify(symbols, "risky"')
// The jar declares Enable-Native-Access, so generate does not warn about it.
assert !log.contains('does not declare Enable-Native-Access')
return true
