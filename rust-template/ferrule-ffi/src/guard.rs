//! The boundary guard: no panic crosses into the host, and every failure becomes a status code
//! with a message.

use crate::error::FfiError;
use crate::last_error;
use crate::status::{RuntimeError, OK};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Runs an export's body: `Ok` gives [`OK`]; an error gives its code and records its message; a
/// panic gives [`RuntimeError::Panic`] and records the panic text, cut to a bounded length.
///
/// The panic text is the only part of a panic kept: payloads that are not strings are reported
/// as "non-text panic", and no backtrace or address is recorded.
pub fn guard<F>(body: F) -> i32
where
    F: FnOnce() -> Result<(), FfiError>,
{
    // AssertUnwindSafe: the body's captured state is dropped or abandoned after a panic; the
    // registries it may touch use poison-tolerant locks.
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => {
            last_error::clear();
            OK
        }
        Ok(Err(error)) => {
            last_error::set(error.message());
            error.code()
        }
        Err(payload) => {
            let text = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "non-text panic".to_owned());
            last_error::set(&format!("panic: {text}"));
            RuntimeError::Panic.code()
        }
    }
}

/// Declares guarded `extern "C"` exports.
///
/// Each function returns a status (`i32`); its body returns `Result<(), FfiError>` and may use
/// `?` on any error that converts into [`FfiError`], including a crate's own error enum. Pointer
/// parameters listed in `non_null(..)` are checked before the body runs.
///
/// ```
/// use ferrule_ffi::{export, memory};
///
/// export! {
///     /// Adds two numbers into `out`.
///     fn doc_add(a: i32, b: i32, out: *mut i32) non_null(out) {
///         let sum = a.checked_add(b).ok_or(ferrule_ffi::FfiError::runtime(
///             ferrule_ffi::RuntimeError::InvalidArgument, "sum overflows"))?;
///         unsafe { memory::write_out(out, sum) }
///     }
/// }
///
/// let mut out = 0;
/// assert_eq!(unsafe { doc_add(2, 3, &mut out) }, 0);
/// assert_eq!(out, 5);
/// assert_eq!(unsafe { doc_add(1, 1, std::ptr::null_mut()) }, -2);
/// ```
#[macro_export]
macro_rules! export {
    ($(
        $(#[$meta:meta])*
        fn $name:ident ( $( $arg:ident : $ty:ty ),* $(,)? )
        $( non_null( $( $nn:ident ),+ $(,)? ) )?
        $body:block
    )*) => {$(
        $(#[$meta])*
        ///
        /// # Safety
        /// Pointer arguments must be valid for the documented lengths, or null where allowed.
        #[no_mangle]
        #[allow(clippy::missing_safety_doc)]
        pub unsafe extern "C" fn $name( $( $arg : $ty ),* ) -> i32 {
            $crate::guard(|| -> ::core::result::Result<(), $crate::FfiError> {
                $( $(
                    if $nn.is_null() {
                        return Err($crate::FfiError::null_argument(stringify!($nn)));
                    }
                )+ )?
                $body
            })
        }
    )*};
}
