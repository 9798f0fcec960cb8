//! Memory across the boundary: inputs as (pointer, length), outputs through out-parameters, and
//! buffers that Rust allocates and exactly one export releases.

use crate::error::FfiError;
use crate::live::LiveCounter;
use crate::status::RuntimeError;

static BUFFERS: LiveCounter = LiveCounter::new("buffer");

/// Bytes Rust allocated for the host. Release it with the crate's `*_buffer_free` export, once.
#[repr(C)]
#[derive(Debug)]
pub struct FfiBuffer {
    /// Start of the bytes; null only for the empty buffer.
    pub ptr: *mut u8,
    /// Number of bytes.
    pub len: usize,
}

impl FfiBuffer {
    /// The empty buffer: nothing to release.
    pub const EMPTY: FfiBuffer = FfiBuffer {
        ptr: std::ptr::null_mut(),
        len: 0,
    };

    /// Moves bytes into a buffer the host owns until it calls the release export.
    pub fn from_vec(bytes: Vec<u8>) -> FfiBuffer {
        if bytes.is_empty() {
            return FfiBuffer::EMPTY;
        }
        let boxed = bytes.into_boxed_slice();
        let len = boxed.len();
        let ptr = Box::into_raw(boxed).cast::<u8>();
        BUFFERS.increment();
        FfiBuffer { ptr, len }
    }

    /// Moves a string's UTF-8 bytes into a buffer.
    pub fn from_string(text: String) -> FfiBuffer {
        FfiBuffer::from_vec(text.into_bytes())
    }

    /// Frees a buffer made by [`FfiBuffer::from_vec`]. The empty buffer is ignored.
    ///
    /// # Safety
    /// `buffer` must come from this crate and must not have been released before.
    pub unsafe fn release(buffer: FfiBuffer) {
        if buffer.ptr.is_null() {
            return;
        }
        let slice = std::ptr::slice_from_raw_parts_mut(buffer.ptr, buffer.len);
        // SAFETY: ptr/len came from Box<[u8]>::into_raw in from_vec, released once by contract.
        drop(unsafe { Box::from_raw(slice) });
        BUFFERS.decrement();
    }
}

/// How many buffers the host holds and has not released.
pub fn live_buffers() -> i64 {
    BUFFERS.live()
}

/// Borrows `len` input bytes at `ptr`. A zero length is fine with any pointer, null included.
///
/// # Safety
/// When `len > 0`, `ptr` must point to `len` readable bytes that stay valid and unchanged for `'a`.
pub unsafe fn input_bytes<'a>(
    ptr: *const u8,
    len: usize,
    name: &'static str,
) -> Result<&'a [u8], FfiError> {
    if len == 0 {
        return Ok(&[]);
    }
    if ptr.is_null() {
        return Err(FfiError::null_argument(name));
    }
    if len > isize::MAX as usize {
        return Err(FfiError::runtime_owned(
            RuntimeError::InvalidArgument,
            format!("length of `{name}` exceeds isize::MAX"),
        ));
    }
    // SAFETY: non-null, len bounded, and the caller guarantees readable bytes.
    Ok(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// Borrows a UTF-8 string passed as (pointer, length); invalid UTF-8 is an error, never a panic.
///
/// # Safety
/// As for [`input_bytes`].
pub unsafe fn input_str<'a>(
    ptr: *const u8,
    len: usize,
    name: &'static str,
) -> Result<&'a str, FfiError> {
    // SAFETY: forwarded contract.
    let bytes = unsafe { input_bytes(ptr, len, name)? };
    std::str::from_utf8(bytes).map_err(|e| {
        FfiError::runtime_owned(
            RuntimeError::InvalidUtf8,
            format!(
                "argument `{name}` is not valid UTF-8 (at byte {})",
                e.valid_up_to()
            ),
        )
    })
}

/// Writes a result through an out-parameter.
///
/// # Safety
/// `out` must be null (an error) or valid for writing a `T`.
pub unsafe fn write_out<T>(out: *mut T, value: T) -> Result<(), FfiError> {
    if out.is_null() {
        return Err(FfiError::null_argument("out"));
    }
    // SAFETY: non-null and writable by contract; write does not drop the old contents.
    unsafe { out.write(value) };
    Ok(())
}
