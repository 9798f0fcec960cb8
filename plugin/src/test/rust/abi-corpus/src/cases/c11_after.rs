//! Case 11, after: a function is deprecated.

/// Superseded.
#[deprecated(since = "2.0.0", note = "use c11_new_api")]
#[no_mangle]
pub extern "C" fn c11_old_api() -> i32 {
    0
}
