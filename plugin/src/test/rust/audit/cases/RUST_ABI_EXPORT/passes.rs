
/// The C calling convention.
#[no_mangle]
pub extern "C" fn audit_c_abi() -> i32 {
    guard(|| OK)
}
