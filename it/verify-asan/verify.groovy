def log = new File(basedir, 'build.log').text
// The Java side is fine; the Rust test reads freed memory, which only the ASan run sees.
assert log.contains('cargo test: 1 passed, 0 failed, 0 crashed')
assert log.contains('Rust tests failed:')
assert log.contains('cargo test (AddressSanitizer): freed unittests :: tests::reads_freed_memory CRASHED')
assert log.contains('AddressSanitizer: heap-use-after-free')
def report = new File(basedir, 'target/surefire-reports/TEST-cargo-test-asan.freed.xml').text
assert report.contains('<error message="the test binary crashed during this test">')
return true
