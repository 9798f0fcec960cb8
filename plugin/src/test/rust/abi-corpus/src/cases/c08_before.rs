//! Case 08, before: extern C becomes C-unwind.

/// Never unwinds.
#[no_mangle]
pub extern "C" fn c08_check(x: i32) -> i32 {
    x
}
