//! STATIC_ADDED, before: a static is added.

/// Anchor.
#[no_mangle]
pub extern "C" fn static_added_anchor() -> u8 {
    1
}
