
/// No repr(C).
pub struct Loose {
    /// A field.
    pub a: i32,
}

/// Takes it by value.
#[no_mangle]
#[allow(improper_ctypes_definitions)]
pub extern "C" fn audit_loose(value: Loose) -> i32 {
    guard(|| value.a)
}
