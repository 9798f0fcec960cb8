//! POINTER_CONSTNESS_CHANGED, after: the same pointers, now mutable.

/// A view of bytes.
#[repr(C)]
pub struct PointerConstnessChangedSlice {
    /// First byte.
    pub data: *mut u8,
    /// Number of bytes.
    pub len: usize,
}

/// Writes `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn pointer_constness_changed_fill(buf: *mut u8, len: usize) -> usize {
    if buf.is_null() {
        0
    } else {
        len
    }
}

/// The first byte of a slice.
#[no_mangle]
pub unsafe extern "C" fn pointer_constness_changed_peek(
    slice: *const PointerConstnessChangedSlice,
) -> *mut u8 {
    if slice.is_null() {
        std::ptr::null_mut()
    } else {
        (*slice).data
    }
}
