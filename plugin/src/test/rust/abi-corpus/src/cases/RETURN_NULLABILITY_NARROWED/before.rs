//! RETURN_NULLABILITY_NARROWED, before: a constructor no longer returns null.

/// Opaque object.
pub struct ReturnNullabilityNarrowedObj {
    value: u64,
}

/// May return null.
#[no_mangle]
pub extern "C" fn return_nullability_narrowed_make() -> Option<Box<ReturnNullabilityNarrowedObj>> {
    Some(Box::new(ReturnNullabilityNarrowedObj { value: 1 }))
}
