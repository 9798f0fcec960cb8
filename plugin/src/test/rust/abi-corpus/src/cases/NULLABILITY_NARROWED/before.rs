//! NULLABILITY_NARROWED, before: a nullable parameter becomes non-null.

/// A shared thing.
#[repr(C)]
pub struct NullabilityNarrowedThing {
    /// Value.
    pub value: i32,
}

/// Accepts null.
#[no_mangle]
pub extern "C" fn nullability_narrowed_peek(thing: Option<&NullabilityNarrowedThing>) -> i32 {
    thing.map_or(0, |t| t.value)
}
