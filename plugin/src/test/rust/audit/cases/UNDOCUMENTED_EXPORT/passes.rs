
/// Documented.
#[no_mangle]
pub extern "C" fn audit_documented() -> i32 {
    guard(|| OK)
}
