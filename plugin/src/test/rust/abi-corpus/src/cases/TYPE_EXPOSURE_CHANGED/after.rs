//! TYPE_EXPOSURE_CHANGED, after: an opaque type becomes a by-value struct.

/// Handle.
#[repr(C)]
pub struct TypeExposureChangedHandle {
    /// Id.
    pub id: u64,
}
/// Reads through a pointer.
#[no_mangle]
pub unsafe extern "C" fn type_exposure_changed_id(handle: *const TypeExposureChangedHandle) -> u64 {
    unsafe { (*handle).id }
}
