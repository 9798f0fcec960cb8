
/// Unguarded, with a suppression that gives no reason.
// ferrule-audit: allow(EXPORT_UNGUARDED)
#[no_mangle]
pub extern "C" fn audit_unguarded(value: i32) -> i32 {
    value.wrapping_mul(2)
}
