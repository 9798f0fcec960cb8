
/// Reads `value`, after looking.
///
/// # Safety
/// `value` must be readable or null.
#[no_mangle]
pub unsafe extern "C" fn audit_peek_checked(value: *const i32) -> i32 {
    guard(|| {
        if value.is_null() {
            return NULL_ARGUMENT;
        }
        // SAFETY: checked for null above.
        unsafe { *value }
    })
}
