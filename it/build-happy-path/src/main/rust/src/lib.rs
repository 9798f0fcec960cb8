//! Scenario crate: one export that the scenario's JUnit test calls.

/// Multiplies by two.
#[no_mangle]
pub extern "C" fn greeter_double(x: i64) -> i64 {
    x.wrapping_mul(2)
}
