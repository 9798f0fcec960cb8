//! Case 37, after: a constant changes type.

/// Size.
pub const C37_SIZE: u64 = 4;
/// Anchor.
#[no_mangle]
pub extern "C" fn c37_anchor() -> u8 {
    1
}
