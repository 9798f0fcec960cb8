//! FN_PARAM_COUNT_CHANGED, after: a parameter is added.

/// Two parameters.
#[no_mangle]
pub extern "C" fn fn_param_count_changed_sum(a: i32, b: i32) -> i32 {
    a + b
}
