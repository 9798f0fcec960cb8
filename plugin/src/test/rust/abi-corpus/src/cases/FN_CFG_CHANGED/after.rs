//! FN_CFG_CHANGED, after: the cfg gating a function changes.

/// Any Unix.
#[cfg(unix)]
#[no_mangle]
pub extern "C" fn fn_cfg_changed_platform() -> i32 {
    1
}
