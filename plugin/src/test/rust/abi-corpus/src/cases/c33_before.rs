//! Case 33, before: a typed pointer becomes void*, the type leaves the boundary.

/// A shared thing.
#[repr(C)]
pub struct C33Thing {
    /// Value.
    pub value: i32,
}

/// Takes a thing.
#[no_mangle]
pub unsafe extern "C" fn c33_touch(thing: *const C33Thing) -> i32 {
    if thing.is_null() {
        0
    } else {
        1
    }
}
