//! FN_PARAM_TYPE_CHANGED, before: a parameter widens from i32 to i64.

/// Takes i32.
#[no_mangle]
pub extern "C" fn fn_param_type_changed_widen(x: i32) -> i64 {
    i64::from(x)
}
