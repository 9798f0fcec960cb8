//! NULLABILITY_WIDENED, after: a parameter starts accepting null.

/// A shared thing.
#[repr(C)]
pub struct NullabilityWidenedThing {
    /// Value.
    pub value: i32,
}

/// Accepts null.
#[no_mangle]
pub extern "C" fn nullability_widened_peek(thing: Option<&NullabilityWidenedThing>) -> i32 {
    thing.map_or(0, |t| t.value)
}
