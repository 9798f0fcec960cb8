//! RETURN_NULLABILITY_WIDENED, after: a constructor may now return null.

/// Opaque object.
pub struct ReturnNullabilityWidenedObj {
    value: u64,
}

/// May return null.
#[no_mangle]
pub extern "C" fn return_nullability_widened_make() -> Option<Box<ReturnNullabilityWidenedObj>> {
    Some(Box::new(ReturnNullabilityWidenedObj { value: 1 }))
}
