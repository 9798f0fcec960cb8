import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// Both invocations ran their JUnit check of the exported symbols.
assert (log =~ /Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [\d.]+ s -- in it\.FeatureExportsTest/).size() == 2
// The second invocation rebuilt because the feature set changed.
assert log.count('cargo: Compiling flags v0.1.0') == 2
assert log.contains('build configuration or toolchain changed')

def platformDir = new File(basedir, 'target/classes/META-INF/native').listFiles()[0]
def info = new JsonSlurper().parse(new File(platformDir, 'build-info.json'))
assert info.features == ['default']
return true
