//! Case 11, before: a function is deprecated.

/// Current.
#[no_mangle]
pub extern "C" fn c11_old_api() -> i32 {
    0
}
