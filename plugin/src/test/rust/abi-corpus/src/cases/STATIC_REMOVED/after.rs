//! STATIC_REMOVED, after: a static is removed.

/// Anchor.
#[no_mangle]
pub extern "C" fn static_removed_anchor() -> u8 {
    1
}
