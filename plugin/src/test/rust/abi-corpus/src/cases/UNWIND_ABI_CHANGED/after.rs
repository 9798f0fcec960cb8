//! UNWIND_ABI_CHANGED, after: extern C becomes C-unwind.

/// May unwind.
#[no_mangle]
pub extern "C-unwind" fn unwind_abi_changed_check(x: i32) -> i32 {
    x
}
