//! FN_UNDEPRECATED, before: a deprecation is withdrawn.

/// Was deprecated.
#[deprecated(note = "reconsidered")]
#[no_mangle]
pub extern "C" fn fn_undeprecated_api() -> i32 {
    0
}
