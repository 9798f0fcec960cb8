//! Case 07, before: the return type widens.

/// Returns u32.
#[no_mangle]
pub extern "C" fn c07_total() -> u32 {
    7
}
