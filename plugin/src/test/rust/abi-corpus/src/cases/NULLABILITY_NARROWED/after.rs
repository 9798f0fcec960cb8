//! NULLABILITY_NARROWED, after: a nullable parameter becomes non-null.

/// A shared thing.
#[repr(C)]
pub struct NullabilityNarrowedThing {
    /// Value.
    pub value: i32,
}

/// Requires a thing.
#[no_mangle]
pub extern "C" fn nullability_narrowed_peek(thing: &NullabilityNarrowedThing) -> i32 {
    thing.value
}
