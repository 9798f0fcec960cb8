//! RETURN_NULLABILITY_WIDENED, before: a constructor may now return null.

/// Opaque object.
pub struct ReturnNullabilityWidenedObj {
    value: u64,
}

/// Always returns an object.
#[no_mangle]
pub extern "C" fn return_nullability_widened_make() -> Box<ReturnNullabilityWidenedObj> {
    Box::new(ReturnNullabilityWidenedObj { value: 1 })
}
