
/// Lets panics unwind.
#[no_mangle]
pub extern "C-unwind" fn audit_unwinds() -> i32 {
    guard(|| OK)
}
