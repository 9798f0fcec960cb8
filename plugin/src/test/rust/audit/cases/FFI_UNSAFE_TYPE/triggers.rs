
/// Takes a Rust String.
#[no_mangle]
#[allow(improper_ctypes_definitions)]
pub extern "C" fn audit_takes_string(text: String) -> i32 {
    guard(|| text.len() as i32)
}
