//! Case 36, before: a constant is removed.

/// Old.
pub const C36_OLD: u8 = 1;
/// Anchor.
#[no_mangle]
pub extern "C" fn c36_anchor() -> u8 {
    1
}
