//! The error type of guarded exports, and the bridge from a crate's own error enum.

use crate::status::RuntimeError;
use std::borrow::Cow;

/// A crate's own error enum: `#[repr(i32)]` with positive discriminants.
///
/// Mark the enum [`crate::error`](macro@crate::error) (or use [`crate::error_enum!`]) and `?` turns a
/// `Result<T, YourError>` into the matching status code inside a guarded export.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an error enum of the library",
    label = "not an error enum",
    note = "mark an enum #[ferrule_ffi::error] and return it, or return ferrule_ffi::FfiError"
)]
pub trait ErrorCode: Copy {
    /// The positive status code.
    fn code(self) -> i32;
    /// A fixed, human-readable description. It must not contain data from the call.
    fn description(self) -> &'static str;
}

/// Why an export failed: a status code and a message for the thread's last error.
///
/// Messages are built from fixed text and values the export chose to include; never from
/// addresses or `{:?}` dumps of internal state.
#[derive(Clone, PartialEq, Eq)]
pub struct FfiError {
    code: i32,
    message: Cow<'static, str>,
}

impl FfiError {
    /// A runtime error with a fixed message.
    pub const fn runtime(error: RuntimeError, message: &'static str) -> FfiError {
        FfiError {
            code: error.code(),
            message: Cow::Borrowed(message),
        }
    }

    /// A runtime error with a message that names something, such as the argument.
    pub fn runtime_owned(error: RuntimeError, message: String) -> FfiError {
        FfiError {
            code: error.code(),
            message: Cow::Owned(message),
        }
    }

    /// A null pointer where one is required.
    pub fn null_argument(name: &'static str) -> FfiError {
        FfiError::runtime_owned(
            RuntimeError::NullArgument,
            format!("argument `{name}` must not be null"),
        )
    }

    /// The status code.
    pub fn code(&self) -> i32 {
        self.code
    }

    /// The message recorded as the thread's last error.
    pub fn message(&self) -> &str {
        &self.message
    }
}

// Only the code and message: an FfiError must be safe to print anywhere.
impl std::fmt::Debug for FfiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "FfiError({}: {})", self.code, self.message)
    }
}

impl<E: ErrorCode> From<E> for FfiError {
    fn from(error: E) -> FfiError {
        FfiError {
            code: error.code(),
            message: Cow::Borrowed(error.description()),
        }
    }
}

/// Declares a crate's error enum with positive codes and fixed descriptions, and implements
/// [`ErrorCode`] for it.
///
/// ```
/// ferrule_ffi::error_enum! {
///     /// Errors of the counter API.
///     pub enum CounterError {
///         /// The value would overflow.
///         Overflow = 1 => "the counter would overflow",
///     }
/// }
/// assert_eq!(ferrule_ffi::ErrorCode::code(CounterError::Overflow), 1);
/// ```
#[macro_export]
macro_rules! error_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $value:literal => $text:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[repr(i32)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant = $value ),+
        }

        impl $crate::ErrorCode for $name {
            fn code(self) -> i32 {
                const _: () = { $( assert!($value > 0, "crate error codes must be positive"); )+ };
                self as i32
            }

            fn description(self) -> &'static str {
                match self {
                    $( $name::$variant => $text ),+
                }
            }
        }
    };
}
