//! Case 04, after: a parameter is added.

/// Two parameters.
#[no_mangle]
pub extern "C" fn c04_sum(a: i32, b: i32) -> i32 {
    a + b
}
