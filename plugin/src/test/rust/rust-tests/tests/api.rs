//! An integration-test binary, reported as its own suite.

#[test]
fn round_trip() {
    assert_eq!(rust_tests_fixture::add(-1, 1), 0);
}
