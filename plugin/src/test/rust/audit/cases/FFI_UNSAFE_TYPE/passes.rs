
/// Takes the text as a pointer and a length.
///
/// # Safety
/// `text` must be readable for `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn audit_takes_bytes(text: *const u8, len: usize) -> i32 {
    guard(|| {
        if text.is_null() {
            return NULL_ARGUMENT;
        }
        // SAFETY: checked for null above; the caller guarantees the length.
        unsafe { std::slice::from_raw_parts(text, len) }.len() as i32
    })
}
