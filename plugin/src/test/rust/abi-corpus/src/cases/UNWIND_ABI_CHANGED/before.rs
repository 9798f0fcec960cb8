//! UNWIND_ABI_CHANGED, before: extern C becomes C-unwind.

/// Never unwinds.
#[no_mangle]
pub extern "C" fn unwind_abi_changed_check(x: i32) -> i32 {
    x
}
