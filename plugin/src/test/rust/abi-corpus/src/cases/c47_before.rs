//! Case 47, before: the cfg gating a function changes.

/// Linux only.
#[cfg(target_os = "linux")]
#[no_mangle]
pub extern "C" fn c47_platform() -> i32 {
    1
}
