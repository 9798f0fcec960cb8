//! Case 44, before: an opaque type becomes a by-value struct.

/// Handle.
pub struct C44Handle {
    id: u64,
}
/// Reads through a pointer.
#[no_mangle]
pub unsafe extern "C" fn c44_id(handle: *const C44Handle) -> u64 {
    unsafe { (*handle).id }
}
