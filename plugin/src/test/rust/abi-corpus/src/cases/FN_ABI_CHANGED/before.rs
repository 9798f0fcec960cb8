//! FN_ABI_CHANGED, before: an export loses extern C.

/// C ABI.
#[no_mangle]
pub extern "C" fn fn_abi_changed_plain(x: i32) -> i32 {
    x
}
