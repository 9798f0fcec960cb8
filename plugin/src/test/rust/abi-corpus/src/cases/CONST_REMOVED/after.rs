//! CONST_REMOVED, after: a constant is removed.

/// Anchor.
#[no_mangle]
pub extern "C" fn const_removed_anchor() -> u8 {
    1
}
