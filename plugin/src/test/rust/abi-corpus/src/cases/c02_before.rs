//! Case 02, before: a function is added.

/// Existing.
#[no_mangle]
pub extern "C" fn c02_old() -> i32 {
    1
}
