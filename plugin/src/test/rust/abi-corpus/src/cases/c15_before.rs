//! Case 15, before: a constructor may now return null.

/// Opaque object.
pub struct C15Obj {
    value: u64,
}

/// Always returns an object.
#[no_mangle]
pub extern "C" fn c15_make() -> Box<C15Obj> {
    Box::new(C15Obj { value: 1 })
}
