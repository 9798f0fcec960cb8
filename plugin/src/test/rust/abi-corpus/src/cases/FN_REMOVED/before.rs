//! FN_REMOVED, before: an exported function is removed.

/// Will be removed.
#[no_mangle]
pub extern "C" fn fn_removed_gone() -> i32 {
    1
}
/// Stays.
#[no_mangle]
pub extern "C" fn fn_removed_stays() -> i32 {
    2
}
