//! Scenario crate with a risky feature.

/// Always exported.
#[no_mangle]
pub extern "C" fn risky_checked(x: u32) -> u32 {
    x.saturating_add(1)
}

/// Exported only with the risky `unsafe-fast` feature.
#[cfg(feature = "unsafe-fast")]
#[no_mangle]
pub extern "C" fn risky_unchecked(x: u32) -> u32 {
    x.wrapping_add(1)
}
