//! NULLABILITY_WIDENED, before: a parameter starts accepting null.

/// A shared thing.
#[repr(C)]
pub struct NullabilityWidenedThing {
    /// Value.
    pub value: i32,
}

/// Requires a thing.
#[no_mangle]
pub extern "C" fn nullability_widened_peek(thing: &NullabilityWidenedThing) -> i32 {
    thing.value
}
