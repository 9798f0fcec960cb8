//! FN_CFG_CHANGED, before: the cfg gating a function changes.

/// Linux only.
#[cfg(target_os = "linux")]
#[no_mangle]
pub extern "C" fn fn_cfg_changed_platform() -> i32 {
    1
}
