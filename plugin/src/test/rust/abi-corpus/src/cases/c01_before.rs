//! Case 01, before: an exported function is removed.

/// Will be removed.
#[no_mangle]
pub extern "C" fn c01_gone() -> i32 {
    1
}
/// Stays.
#[no_mangle]
pub extern "C" fn c01_stays() -> i32 {
    2
}
