//! Fixture: does not compile, to test error reporting.

/// Refers to a name that does not exist.
#[no_mangle]
pub extern "C" fn broken_value() -> i32 {
    missing_value + 1
}
