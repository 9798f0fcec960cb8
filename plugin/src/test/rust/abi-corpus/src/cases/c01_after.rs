//! Case 01, after: an exported function is removed.

/// Stays.
#[no_mangle]
pub extern "C" fn c01_stays() -> i32 {
    2
}
