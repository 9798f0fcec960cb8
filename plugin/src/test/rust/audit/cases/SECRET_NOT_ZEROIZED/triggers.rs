
/// Copies an API key.
///
/// # Safety
/// `key` must be readable for `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn audit_login(key: *const u8, len: usize) -> i32 {
    guard(|| {
        if key.is_null() {
            return NULL_ARGUMENT;
        }
        let api_key = unsafe { std::slice::from_raw_parts(key, len) }.to_vec();
        api_key.len() as i32
    })
}
