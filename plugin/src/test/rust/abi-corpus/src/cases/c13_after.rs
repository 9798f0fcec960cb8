//! Case 13, after: a nullable parameter becomes non-null.

/// A shared thing.
#[repr(C)]
pub struct C13Thing {
    /// Value.
    pub value: i32,
}

/// Requires a thing.
#[no_mangle]
pub extern "C" fn c13_peek(thing: &C13Thing) -> i32 {
    thing.value
}
