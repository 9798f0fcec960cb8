//! STATIC_ADDED, after: a static is added.

/// Build number.
#[no_mangle]
pub static STATIC_ADDED_BUILD: u32 = 7;
/// Anchor.
#[no_mangle]
pub extern "C" fn static_added_anchor() -> u8 {
    1
}
