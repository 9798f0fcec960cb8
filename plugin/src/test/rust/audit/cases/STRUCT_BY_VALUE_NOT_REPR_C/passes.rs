
/// With repr(C).
#[repr(C)]
pub struct Tight {
    /// A field.
    pub a: i32,
}

/// Takes it by value.
#[no_mangle]
pub extern "C" fn audit_tight(value: Tight) -> i32 {
    guard(|| value.a)
}
