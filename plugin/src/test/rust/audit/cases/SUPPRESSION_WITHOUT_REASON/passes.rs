
/// Unguarded, with a suppression that gives its reason.
// ferrule-audit: allow(EXPORT_UNGUARDED) wrapping_mul cannot panic
#[no_mangle]
pub extern "C" fn audit_unguarded_with_reason(value: i32) -> i32 {
    value.wrapping_mul(2)
}
