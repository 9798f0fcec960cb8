def log = new File(basedir, 'build.log').text
assert log.contains('rustup target add riscv64gc-unknown-linux-gnu')
assert log.contains("Unknown target triple 'x86_64-unknown-linux-gnux'")
assert !log.contains('cargo: Compiling')
assert !new File(basedir, 'target/classes/META-INF/native').exists()
return true
