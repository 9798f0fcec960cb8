//! CONST_ADDED, after: a constant is added.

/// New.
pub const CONST_ADDED_NEW: i32 = -1;
/// Anchor.
#[no_mangle]
pub extern "C" fn const_added_anchor() -> u8 {
    1
}
