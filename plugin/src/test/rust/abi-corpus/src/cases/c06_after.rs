//! Case 06, after: a parameter is renamed.

/// Named amount.
#[no_mangle]
pub extern "C" fn c06_scale(amount: u32) -> u32 {
    amount * 2
}
