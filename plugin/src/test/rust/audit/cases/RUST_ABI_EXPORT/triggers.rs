
/// Rust calling convention.
#[no_mangle]
pub fn audit_rust_abi() -> i32 {
    guard(|| OK)
}
