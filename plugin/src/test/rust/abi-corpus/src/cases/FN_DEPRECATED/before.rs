//! FN_DEPRECATED, before: a function is deprecated.

/// Current.
#[no_mangle]
pub extern "C" fn fn_deprecated_old_api() -> i32 {
    0
}
