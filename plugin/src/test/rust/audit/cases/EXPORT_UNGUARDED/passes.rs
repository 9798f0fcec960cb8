
/// Guarded: a panic here becomes PANIC.
#[no_mangle]
pub extern "C" fn audit_guarded(value: i32) -> i32 {
    guard(|| value.wrapping_mul(2))
}
