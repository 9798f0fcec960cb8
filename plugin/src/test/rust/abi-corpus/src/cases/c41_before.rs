//! Case 41, before: a static is removed.

/// Version.
#[no_mangle]
pub static C41_VERSION: u32 = 1;
/// Anchor.
#[no_mangle]
pub extern "C" fn c41_anchor() -> u8 {
    1
}
