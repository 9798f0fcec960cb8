//! RETURN_NULLABILITY_NARROWED, after: a constructor no longer returns null.

/// Opaque object.
pub struct ReturnNullabilityNarrowedObj {
    value: u64,
}

/// Always returns an object.
#[no_mangle]
pub extern "C" fn return_nullability_narrowed_make() -> Box<ReturnNullabilityNarrowedObj> {
    Box::new(ReturnNullabilityNarrowedObj { value: 1 })
}
