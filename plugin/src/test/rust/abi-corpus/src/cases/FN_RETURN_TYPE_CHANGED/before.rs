//! FN_RETURN_TYPE_CHANGED, before: the return type widens.

/// Returns u32.
#[no_mangle]
pub extern "C" fn fn_return_type_changed_total() -> u32 {
    7
}
