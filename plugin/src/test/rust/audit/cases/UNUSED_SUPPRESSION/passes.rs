
/// Unguarded on purpose, and the suppression says why.
// ferrule-audit: allow(EXPORT_UNGUARDED) wrapping_mul cannot panic
#[no_mangle]
pub extern "C" fn audit_unguarded_on_purpose(value: i32) -> i32 {
    value.wrapping_mul(2)
}
