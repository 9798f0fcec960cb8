//! Case 38, before: a constant is added.

/// Anchor.
#[no_mangle]
pub extern "C" fn c38_anchor() -> u8 {
    1
}
