//! FN_ABI_CHANGED, after: an export loses extern C.

/// Rust ABI, still exported.
#[no_mangle]
pub fn fn_abi_changed_plain(x: i32) -> i32 {
    x
}
