//! Case 51, after: the same pointers, now mutable.

/// A view of bytes.
#[repr(C)]
pub struct C51Slice {
    /// First byte.
    pub data: *mut u8,
    /// Number of bytes.
    pub len: usize,
}

/// Writes `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn c51_fill(buf: *mut u8, len: usize) -> usize {
    if buf.is_null() {
        0
    } else {
        len
    }
}

/// The first byte of a slice.
#[no_mangle]
pub unsafe extern "C" fn c51_peek(slice: *const C51Slice) -> *mut u8 {
    if slice.is_null() {
        std::ptr::null_mut()
    } else {
        (*slice).data
    }
}
