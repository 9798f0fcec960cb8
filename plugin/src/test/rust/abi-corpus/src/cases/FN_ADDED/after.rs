//! FN_ADDED, after: a function is added.

/// Existing.
#[no_mangle]
pub extern "C" fn fn_added_old() -> i32 {
    1
}
/// New.
#[no_mangle]
pub extern "C" fn fn_added_new() -> i32 {
    2
}
