//! Case 15, after: a constructor may now return null.

/// Opaque object.
pub struct C15Obj {
    value: u64,
}

/// May return null.
#[no_mangle]
pub extern "C" fn c15_make() -> Option<Box<C15Obj>> {
    Some(Box::new(C15Obj { value: 1 }))
}
