def log = new File(basedir, 'build.log').text
// The error names the file and line relative to the project, and the summary repeats it.
assert log.contains('[ERROR] src/main/rust/src/lib.rs:7:5: error[E0425]: cannot find value `anwser` in this scope')
assert log.contains('Rust compilation failed with 1 error; first: src/main/rust/src/lib.rs:7:5')
assert !new File(basedir, 'target/classes/META-INF/native').exists()
return true
