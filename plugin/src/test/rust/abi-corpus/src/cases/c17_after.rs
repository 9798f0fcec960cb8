//! Case 17, after: an owned result becomes a raw pointer the library keeps.

/// Opaque object.
pub struct C17Obj {
    value: u64,
}

/// Library keeps the result.
#[no_mangle]
pub extern "C" fn c17_get() -> *mut C17Obj {
    std::ptr::null_mut()
}
