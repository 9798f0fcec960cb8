
/// Dereferences the pointer it is given.
///
/// # Safety
/// `value` must be readable.
pub unsafe fn audit_deref_unsafe(value: *const i32) -> i32 {
    // SAFETY: the caller guarantees it.
    unsafe { *value }
}
