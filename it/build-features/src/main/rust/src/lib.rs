//! Scenario crate: the `extra` feature adds an export.

/// Always exported.
#[no_mangle]
pub extern "C" fn flags_base() -> i32 {
    1
}

/// Exported only with `--features extra`.
#[cfg(feature = "extra")]
#[no_mangle]
pub extern "C" fn flags_extra() -> i32 {
    2
}
