//! Case 08, after: extern C becomes C-unwind.

/// May unwind.
#[no_mangle]
pub extern "C-unwind" fn c08_check(x: i32) -> i32 {
    x
}
