//! FN_PARAM_COUNT_CHANGED, before: a parameter is added.

/// One parameter.
#[no_mangle]
pub extern "C" fn fn_param_count_changed_sum(a: i32) -> i32 {
    a
}
