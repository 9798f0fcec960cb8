//! Case 36, after: a constant is removed.

/// Anchor.
#[no_mangle]
pub extern "C" fn c36_anchor() -> u8 {
    1
}
