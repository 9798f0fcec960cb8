//! FN_REMOVED, after: an exported function is removed.

/// Stays.
#[no_mangle]
pub extern "C" fn fn_removed_stays() -> i32 {
    2
}
