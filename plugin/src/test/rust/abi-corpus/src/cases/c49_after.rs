//! Case 49, after: a field is appended to a type only used behind a pointer and never by value.

/// Session, opaque to callers.
pub struct C49Session {
    id: u64,
    retries: u32,
}
/// Reads the id.
#[no_mangle]
pub unsafe extern "C" fn c49_id(session: *const C49Session) -> u64 {
    unsafe { (*session).id + u64::from((*session).retries) }
}
