def log = new File(basedir, 'build.log').text
// The generated contract tests run under @FerruleLeakCheck; every call of leaky_touch leaks a Thing.
assert log.contains('Native objects leaked in touch_value_')
assert log.contains('Leaky.Thing: 1 more live (')
assert log.contains('BUILD FAILURE')
return true
