//! Case 07, after: the return type widens.

/// Returns u64.
#[no_mangle]
pub extern "C" fn c07_total() -> u64 {
    7
}
