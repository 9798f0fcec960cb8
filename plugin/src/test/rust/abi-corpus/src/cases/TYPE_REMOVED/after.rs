//! TYPE_REMOVED, after: a typed pointer becomes void*, the type leaves the boundary.

/// A shared thing.
#[repr(C)]
pub struct TypeRemovedThing {
    /// Value.
    pub value: i32,
}

/// Takes anything.
#[no_mangle]
pub unsafe extern "C" fn type_removed_touch(thing: *const std::ffi::c_void) -> i32 {
    if thing.is_null() {
        0
    } else {
        1
    }
}
