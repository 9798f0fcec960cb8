//! Case 13, before: a nullable parameter becomes non-null.

/// A shared thing.
#[repr(C)]
pub struct C13Thing {
    /// Value.
    pub value: i32,
}

/// Accepts null.
#[no_mangle]
pub extern "C" fn c13_peek(thing: Option<&C13Thing>) -> i32 {
    thing.map_or(0, |t| t.value)
}
