//! Status codes: 0 is success, positive codes are the crate's own errors, negative codes are
//! reserved for the runtime. Every fallible export returns one of these as an `i32`.

/// The call succeeded.
pub const OK: i32 = 0;

/// Errors the runtime itself reports. Their values are part of the ABI and never change.
#[repr(i32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuntimeError {
    /// The export panicked; the panic was caught at the boundary.
    Panic = -1,
    /// A pointer argument that must not be null was null.
    NullArgument = -2,
    /// The handle was never issued, or is malformed.
    InvalidHandle = -3,
    /// The handle was issued but has since been released.
    StaleHandle = -4,
    /// The handle belongs to another type.
    WrongHandleType = -5,
    /// A string argument was not valid UTF-8.
    InvalidUtf8 = -6,
    /// The caller's buffer is too small for the result.
    BufferTooSmall = -7,
    /// The object was closed.
    Closed = -8,
    /// The library was built without the feature this call needs.
    UnsupportedFeature = -9,
    /// An argument is out of range (for example a length that overflows).
    InvalidArgument = -10,
}

impl RuntimeError {
    /// Every runtime error, for documentation and tests.
    pub const ALL: [RuntimeError; 10] = [
        RuntimeError::Panic,
        RuntimeError::NullArgument,
        RuntimeError::InvalidHandle,
        RuntimeError::StaleHandle,
        RuntimeError::WrongHandleType,
        RuntimeError::InvalidUtf8,
        RuntimeError::BufferTooSmall,
        RuntimeError::Closed,
        RuntimeError::UnsupportedFeature,
        RuntimeError::InvalidArgument,
    ];

    /// The status code.
    pub const fn code(self) -> i32 {
        self as i32
    }

    /// A stable name, for messages and generated exception classes.
    pub const fn name(self) -> &'static str {
        match self {
            RuntimeError::Panic => "PANIC",
            RuntimeError::NullArgument => "NULL_ARGUMENT",
            RuntimeError::InvalidHandle => "INVALID_HANDLE",
            RuntimeError::StaleHandle => "STALE_HANDLE",
            RuntimeError::WrongHandleType => "WRONG_HANDLE_TYPE",
            RuntimeError::InvalidUtf8 => "INVALID_UTF8",
            RuntimeError::BufferTooSmall => "BUFFER_TOO_SMALL",
            RuntimeError::Closed => "CLOSED",
            RuntimeError::UnsupportedFeature => "UNSUPPORTED_FEATURE",
            RuntimeError::InvalidArgument => "INVALID_ARGUMENT",
        }
    }
}
