//! Case 34, after: a field is added to a struct nested by value in a struct that is only passed by pointer.

/// Inner part.
#[repr(C)]
pub struct C34Middle {
    /// A.
    pub a: u32,
    /// B, new.
    pub b: u32,
}
/// Outer part.
#[repr(C)]
pub struct C34Outer {
    /// Middle, by value.
    pub middle: C34Middle,
    /// Tail.
    pub tail: u32,
}
/// Reads through a pointer.
#[no_mangle]
pub unsafe extern "C" fn c34_tail(outer: *const C34Outer) -> u32 {
    unsafe { (*outer).tail + (*outer).middle.a }
}
