//! Case 06, before: a parameter is renamed.

/// Named count.
#[no_mangle]
pub extern "C" fn c06_scale(count: u32) -> u32 {
    count * 2
}
