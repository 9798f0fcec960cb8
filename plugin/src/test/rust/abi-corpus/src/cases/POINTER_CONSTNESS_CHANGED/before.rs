//! POINTER_CONSTNESS_CHANGED, before: pointers that are read only.

/// A view of bytes.
#[repr(C)]
pub struct PointerConstnessChangedSlice {
    /// First byte.
    pub data: *const u8,
    /// Number of bytes.
    pub len: usize,
}

/// Reads `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn pointer_constness_changed_fill(buf: *const u8, len: usize) -> usize {
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
) -> *const u8 {
    if slice.is_null() {
        std::ptr::null()
    } else {
        (*slice).data
    }
}
