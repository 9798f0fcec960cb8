
#[no_mangle]
pub extern "C" fn audit_undocumented() -> i32 {
    guard(|| OK)
}
