//! Case 04, before: a parameter is added.

/// One parameter.
#[no_mangle]
pub extern "C" fn c04_sum(a: i32) -> i32 {
    a
}
