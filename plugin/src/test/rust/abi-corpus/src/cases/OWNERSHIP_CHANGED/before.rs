//! OWNERSHIP_CHANGED, before: an owned result becomes a raw pointer the library keeps.

/// Opaque object.
pub struct OwnershipChangedObj {
    value: u64,
}

/// Caller owns the result.
#[no_mangle]
pub extern "C" fn ownership_changed_get() -> Box<OwnershipChangedObj> {
    Box::new(OwnershipChangedObj { value: 1 })
}
