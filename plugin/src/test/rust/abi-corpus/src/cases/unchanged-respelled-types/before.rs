//! unchanged-respelled-types, before: C types written as Rust primitives.

/// Sizes.
pub const UNCHANGED_RESPELLED_TYPES_LIMIT: u32 = 64;

/// A measurement.
#[repr(C)]
pub struct UnchangedRespelledTypesSample {
    /// Byte count.
    pub bytes: usize,
    /// One character.
    pub tag: i8,
}

/// Counts the bytes of a buffer.
#[no_mangle]
pub unsafe extern "C" fn unchanged_respelled_types_count(
    data: *const i8,
    len: usize,
    flags: i32,
) -> u64 {
    if data.is_null() {
        0
    } else {
        (len as u64) + flags as u64
    }
}

/// Reads a sample.
#[no_mangle]
pub unsafe extern "C" fn unchanged_respelled_types_sample(
    sample: *const UnchangedRespelledTypesSample,
) -> isize {
    if sample.is_null() {
        -1
    } else {
        (*sample).bytes as isize
    }
}
