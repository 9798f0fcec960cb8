//! unchanged-pointee-grows, after: a field is appended to a type only used behind a pointer and never by value.

/// Session, opaque to callers.
pub struct UnchangedPointeeGrowsSession {
    id: u64,
    retries: u32,
}
/// Reads the id.
#[no_mangle]
pub unsafe extern "C" fn unchanged_pointee_grows_id(
    session: *const UnchangedPointeeGrowsSession,
) -> u64 {
    unsafe { (*session).id + u64::from((*session).retries) }
}
