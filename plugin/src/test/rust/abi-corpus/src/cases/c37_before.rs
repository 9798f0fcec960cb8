//! Case 37, before: a constant changes type.

/// Size.
pub const C37_SIZE: u32 = 4;
/// Anchor.
#[no_mangle]
pub extern "C" fn c37_anchor() -> u8 {
    1
}
