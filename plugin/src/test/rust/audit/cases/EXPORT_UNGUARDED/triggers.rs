
/// Unguarded: a panic here unwinds into the caller.
#[no_mangle]
pub extern "C" fn audit_unguarded(value: i32) -> i32 {
    value.wrapping_mul(2)
}
