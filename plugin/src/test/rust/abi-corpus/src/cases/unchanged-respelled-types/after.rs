//! unchanged-respelled-types, after: the same C types, written with libc's, core::ffi's and a local alias's names.

use core::ffi::c_char;
use libc::{c_int, size_t, ssize_t};

/// A local name for a libc type, as -sys crates often have.
pub type unchanged_respelled_types_count_t = libc::c_ulonglong;

/// Sizes.
pub const UNCHANGED_RESPELLED_TYPES_LIMIT: libc::c_uint = 64;

/// A measurement.
#[repr(C)]
pub struct UnchangedRespelledTypesSample {
    /// Byte count.
    pub bytes: size_t,
    /// One character.
    pub tag: c_char,
}

/// Counts the bytes of a buffer.
#[no_mangle]
pub unsafe extern "C" fn unchanged_respelled_types_count(
    data: *const c_char,
    len: size_t,
    flags: c_int,
) -> unchanged_respelled_types_count_t {
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
) -> ssize_t {
    if sample.is_null() {
        -1
    } else {
        (*sample).bytes as ssize_t
    }
}
