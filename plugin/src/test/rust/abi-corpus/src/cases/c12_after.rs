//! Case 12, after: a deprecation is withdrawn.

/// Not deprecated any more.
#[no_mangle]
pub extern "C" fn c12_api() -> i32 {
    0
}
