//! STRUCT_SIZE_CHANGED, before: a field is added to a struct nested by value in a struct that is only passed by pointer.

/// Inner part.
#[repr(C)]
pub struct StructSizeChangedMiddle {
    /// A.
    pub a: u32,
}
/// Outer part.
#[repr(C)]
pub struct StructSizeChangedOuter {
    /// Middle, by value.
    pub middle: StructSizeChangedMiddle,
    /// Tail.
    pub tail: u32,
}
/// Reads through a pointer.
#[no_mangle]
pub unsafe extern "C" fn struct_size_changed_tail(outer: *const StructSizeChangedOuter) -> u32 {
    unsafe { (*outer).tail + (*outer).middle.a }
}
