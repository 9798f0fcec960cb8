//! Scenario crate for the no-op rebuild.

/// Returns a constant.
#[no_mangle]
pub extern "C" fn steady_value() -> i32 {
    7
}
