//! CONST_ADDED, before: a constant is added.

/// Anchor.
#[no_mangle]
pub extern "C" fn const_added_anchor() -> u8 {
    1
}
