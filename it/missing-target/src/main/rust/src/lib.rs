//! Scenario crate built for targets that are not installed.

/// Returns its argument.
#[no_mangle]
pub extern "C" fn portable_identity(x: u8) -> u8 {
    x
}
