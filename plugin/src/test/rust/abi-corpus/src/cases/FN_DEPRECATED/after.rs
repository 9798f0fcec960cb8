//! FN_DEPRECATED, after: a function is deprecated.

/// Superseded.
#[deprecated(since = "2.0.0", note = "use fn_deprecated_new_api")]
#[no_mangle]
pub extern "C" fn fn_deprecated_old_api() -> i32 {
    0
}
