//! FN_PARAM_RENAMED, after: a parameter is renamed.

/// Named amount.
#[no_mangle]
pub extern "C" fn fn_param_renamed_scale(amount: u32) -> u32 {
    amount * 2
}
