//! Case 14, after: a parameter starts accepting null.

/// A shared thing.
#[repr(C)]
pub struct C14Thing {
    /// Value.
    pub value: i32,
}

/// Accepts null.
#[no_mangle]
pub extern "C" fn c14_peek(thing: Option<&C14Thing>) -> i32 {
    thing.map_or(0, |t| t.value)
}
