//! Case 52, before: C types written as Rust primitives.

/// Sizes.
pub const C52_LIMIT: u32 = 64;

/// A measurement.
#[repr(C)]
pub struct C52Sample {
    /// Byte count.
    pub bytes: usize,
    /// One character.
    pub tag: i8,
}

/// Counts the bytes of a buffer.
#[no_mangle]
pub unsafe extern "C" fn c52_count(data: *const i8, len: usize, flags: i32) -> u64 {
    if data.is_null() {
        0
    } else {
        (len as u64) + flags as u64
    }
}

/// Reads a sample.
#[no_mangle]
pub unsafe extern "C" fn c52_sample(sample: *const C52Sample) -> isize {
    if sample.is_null() {
        -1
    } else {
        (*sample).bytes as isize
    }
}
