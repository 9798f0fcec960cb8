//! Case 16, after: a constructor no longer returns null.

/// Opaque object.
pub struct C16Obj {
    value: u64,
}

/// Always returns an object.
#[no_mangle]
pub extern "C" fn c16_make() -> Box<C16Obj> {
    Box::new(C16Obj { value: 1 })
}
