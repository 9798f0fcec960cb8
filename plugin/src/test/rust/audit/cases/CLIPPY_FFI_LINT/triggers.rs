
/// A safe function that dereferences the pointer it is given.
pub fn audit_deref(value: *const i32) -> i32 {
    // SAFETY: none; this is what the lint is about.
    unsafe { *value }
}
