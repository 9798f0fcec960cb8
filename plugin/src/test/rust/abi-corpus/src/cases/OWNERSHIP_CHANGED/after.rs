//! OWNERSHIP_CHANGED, after: an owned result becomes a raw pointer the library keeps.

/// Opaque object.
pub struct OwnershipChangedObj {
    value: u64,
}

/// Library keeps the result.
#[no_mangle]
pub extern "C" fn ownership_changed_get() -> *mut OwnershipChangedObj {
    std::ptr::null_mut()
}
