//! Fixture: exports that depend on cargo features.

/// Always exported.
#[no_mangle]
pub extern "C" fn fixture_base(x: i32) -> i32 {
    x + 1
}

/// Exported only with the `extra` feature.
#[cfg(feature = "extra")]
#[no_mangle]
pub extern "C" fn fixture_extra_only(x: i32) -> i32 {
    x * 2
}

/// Exported only with the risky `unsafe-fast` feature.
#[cfg(feature = "unsafe-fast")]
#[no_mangle]
pub extern "C" fn fixture_unchecked(x: i32) -> i32 {
    x.wrapping_mul(3)
}
