//! Case 16, before: a constructor no longer returns null.

/// Opaque object.
pub struct C16Obj {
    value: u64,
}

/// May return null.
#[no_mangle]
pub extern "C" fn c16_make() -> Option<Box<C16Obj>> {
    Some(Box::new(C16Obj { value: 1 }))
}
