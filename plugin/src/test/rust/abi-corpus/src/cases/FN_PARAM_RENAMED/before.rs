//! FN_PARAM_RENAMED, before: a parameter is renamed.

/// Named count.
#[no_mangle]
pub extern "C" fn fn_param_renamed_scale(count: u32) -> u32 {
    count * 2
}
