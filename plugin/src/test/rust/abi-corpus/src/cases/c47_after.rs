//! Case 47, after: the cfg gating a function changes.

/// Any Unix.
#[cfg(unix)]
#[no_mangle]
pub extern "C" fn c47_platform() -> i32 {
    1
}
