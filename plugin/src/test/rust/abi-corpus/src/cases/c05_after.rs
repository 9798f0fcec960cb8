//! Case 05, after: a parameter widens from i32 to i64.

/// Takes i64.
#[no_mangle]
pub extern "C" fn c05_widen(x: i64) -> i64 {
    x
}
