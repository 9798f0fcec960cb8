//! Case 02, after: a function is added.

/// Existing.
#[no_mangle]
pub extern "C" fn c02_old() -> i32 {
    1
}
/// New.
#[no_mangle]
pub extern "C" fn c02_new() -> i32 {
    2
}
