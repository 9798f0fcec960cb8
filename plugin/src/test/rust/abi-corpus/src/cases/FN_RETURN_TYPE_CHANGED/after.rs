//! FN_RETURN_TYPE_CHANGED, after: the return type widens.

/// Returns u64.
#[no_mangle]
pub extern "C" fn fn_return_type_changed_total() -> u64 {
    7
}
