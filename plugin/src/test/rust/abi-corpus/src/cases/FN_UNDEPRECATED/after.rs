//! FN_UNDEPRECATED, after: a deprecation is withdrawn.

/// Not deprecated any more.
#[no_mangle]
pub extern "C" fn fn_undeprecated_api() -> i32 {
    0
}
