//! Case 14, before: a parameter starts accepting null.

/// A shared thing.
#[repr(C)]
pub struct C14Thing {
    /// Value.
    pub value: i32,
}

/// Requires a thing.
#[no_mangle]
pub extern "C" fn c14_peek(thing: &C14Thing) -> i32 {
    thing.value
}
