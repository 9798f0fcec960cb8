//! Case 44, after: an opaque type becomes a by-value struct.

/// Handle.
#[repr(C)]
pub struct C44Handle {
    /// Id.
    pub id: u64,
}
/// Reads through a pointer.
#[no_mangle]
pub unsafe extern "C" fn c44_id(handle: *const C44Handle) -> u64 {
    unsafe { (*handle).id }
}
