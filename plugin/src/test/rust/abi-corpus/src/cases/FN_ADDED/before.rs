//! FN_ADDED, before: a function is added.

/// Existing.
#[no_mangle]
pub extern "C" fn fn_added_old() -> i32 {
    1
}
