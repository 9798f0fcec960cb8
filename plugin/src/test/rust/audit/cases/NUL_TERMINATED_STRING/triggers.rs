
/// Measures a C string.
///
/// # Safety
/// `text` must be NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn audit_c_len(text: *const std::ffi::c_char) -> i32 {
    guard(|| {
        if text.is_null() {
            return NULL_ARGUMENT;
        }
        unsafe { std::ffi::CStr::from_ptr(text) }.to_bytes().len() as i32
    })
}
