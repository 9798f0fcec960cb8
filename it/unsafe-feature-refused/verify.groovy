def log = new File(basedir, 'build.log').text
assert log.contains('Release build of risky enables risky feature(s) [unsafe-fast]')
assert log.contains('<allowUnsafeFeature><name>unsafe-fast</name>')
// Refused before cargo ran: nothing compiled, nothing packaged.
assert !log.contains('cargo: Compiling')
assert !new File(basedir, 'target/classes/META-INF/native').exists()
return true
