//! CONST_REMOVED, before: a constant is removed.

/// Old.
pub const CONST_REMOVED_OLD: u8 = 1;
/// Anchor.
#[no_mangle]
pub extern "C" fn const_removed_anchor() -> u8 {
    1
}
