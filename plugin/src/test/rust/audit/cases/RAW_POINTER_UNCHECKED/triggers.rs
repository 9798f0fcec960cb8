
/// Reads `value` without looking.
///
/// # Safety
/// `value` must be readable.
#[no_mangle]
pub unsafe extern "C" fn audit_peek(value: *const i32) -> i32 {
    guard(|| unsafe { *value })
}
