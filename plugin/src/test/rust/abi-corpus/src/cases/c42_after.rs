//! Case 42, after: a static is added.

/// Build number.
#[no_mangle]
pub static C42_BUILD: u32 = 7;
/// Anchor.
#[no_mangle]
pub extern "C" fn c42_anchor() -> u8 {
    1
}
