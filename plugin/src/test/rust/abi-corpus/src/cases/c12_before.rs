//! Case 12, before: a deprecation is withdrawn.

/// Was deprecated.
#[deprecated(note = "reconsidered")]
#[no_mangle]
pub extern "C" fn c12_api() -> i32 {
    0
}
