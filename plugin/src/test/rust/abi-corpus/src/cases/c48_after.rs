//! Case 48, after: only documentation changes.

/// Adds one, wrapping on overflow.
#[no_mangle]
pub extern "C" fn c48_inc(x: i32) -> i32 {
    x.wrapping_add(1)
}
