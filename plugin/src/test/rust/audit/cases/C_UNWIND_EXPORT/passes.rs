
/// Panics are caught; nothing unwinds.
#[no_mangle]
pub extern "C" fn audit_does_not_unwind() -> i32 {
    guard(|| OK)
}
