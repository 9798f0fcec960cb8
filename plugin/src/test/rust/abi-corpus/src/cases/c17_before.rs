//! Case 17, before: an owned result becomes a raw pointer the library keeps.

/// Opaque object.
pub struct C17Obj {
    value: u64,
}

/// Caller owns the result.
#[no_mangle]
pub extern "C" fn c17_get() -> Box<C17Obj> {
    Box::new(C17Obj { value: 1 })
}
