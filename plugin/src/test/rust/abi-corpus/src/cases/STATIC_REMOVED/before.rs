//! STATIC_REMOVED, before: a static is removed.

/// Version.
#[no_mangle]
pub static STATIC_REMOVED_VERSION: u32 = 1;
/// Anchor.
#[no_mangle]
pub extern "C" fn static_removed_anchor() -> u8 {
    1
}
