
/// Measures an API key where it lies, without copying it.
///
/// # Safety
/// `key` must be readable for `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn audit_key_len(key: *const u8, len: usize) -> i32 {
    guard(|| {
        if key.is_null() {
            return NULL_ARGUMENT;
        }
        // SAFETY: checked for null above; the caller guarantees the length.
        let api_key: &[u8] = unsafe { std::slice::from_raw_parts(key, len) };
        api_key.len() as i32
    })
}
