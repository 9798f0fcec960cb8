//! FN_PARAM_TYPE_CHANGED, after: a parameter widens from i32 to i64.

/// Takes i64.
#[no_mangle]
pub extern "C" fn fn_param_type_changed_widen(x: i64) -> i64 {
    x
}
