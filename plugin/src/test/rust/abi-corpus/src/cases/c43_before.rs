//! Case 43, before: a new function brings a new type.

/// Anchor.
#[no_mangle]
pub extern "C" fn c43_anchor() -> u8 {
    1
}
