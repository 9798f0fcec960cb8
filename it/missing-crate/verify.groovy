def log = new File(basedir, 'build.log').text
assert log.contains("Crate directory ${new File(basedir, 'src/main/rust').absolutePath} does not exist")
assert log.contains('cargo new --lib')
assert !new File(basedir, 'target/classes/META-INF/native').exists()
return true
