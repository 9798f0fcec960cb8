def log = new File(basedir, 'build.log').text
assert log.count('cargo: Compiling steady v0.1.0') == 1 : 'cargo must compile exactly once across both builds'
assert log.contains('no previous build recorded')
assert log =~ /Rust inputs unchanged \(\d+ files, fingerprint [0-9a-f]{12}\); skipping cargo/
assert log.contains('cargo skipped: inputs unchanged')
assert new File(basedir, 'target/classes/META-INF/native').listFiles()[0].listFiles()*.name.contains('libsteady.so')
// Nothing was rewritten in target/classes, so the jar plugin had nothing new to pack the second time.
assert log.count('Building jar:') == 1 : 'the jar must be built once across both builds'
return true
