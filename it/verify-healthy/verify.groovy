def log = new File(basedir, 'build.log').text
def reports = new File(basedir, 'target/surefire-reports')
// Contract tests: generated, run, all green, including the planted panic (it arrives as an exception).
def contract = new File(reports, 'TEST-it.healthy.HealthyContractTest.xml').text
assert contract =~ /tests="[1-9][0-9]*"/
assert contract.contains('failures="0"') && contract.contains('errors="0"')
assert contract.contains('name="divide_b_zero"')
assert contract.contains('name="noteHandle_useRacingClose"')
assert contract.contains('name="shout_invalidUtf8"')
// A Tag handle where a Note belongs is refused with a handle error.
assert contract.contains('name="noteLen_note_ofTag"')
assert contract.contains('name="noteLen_out_nullPointer"')
// Rust tests, normal and under AddressSanitizer, reported beside the Java ones.
assert new File(reports, 'TEST-cargo-test.healthy.xml').text.contains('name="tests::divides"')
assert new File(reports, 'TEST-cargo-test-asan.healthy.xml').text.contains('name="tests::divides"')
assert log.contains('cargo test (AddressSanitizer): 1 passed, 0 failed, 0 crashed')
assert log.contains('BUILD SUCCESS')
return true
