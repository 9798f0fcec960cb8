//! The boundary guard: no panic crosses into the host, and every failure becomes a status code
//! with a message.

use crate::error::FfiError;
use crate::last_error;
use crate::logging::{self, Level};
use crate::status::{RuntimeError, OK};
use std::panic::{self, catch_unwind, AssertUnwindSafe, PanicHookInfo};
use std::sync::Once;

/// Set to `1` in the host's environment to have panics also printed to stderr, as Rust's default
/// hook prints them (with `RUST_BACKTRACE`, that includes addresses). Off unless asked for.
pub const PANIC_STDERR_ENV: &str = "FERRULE_PANIC_STDERR";

static HOOK: Once = Once::new();

/// Installs this library's panic hook, once. Each cdylib has its own copy of std, so the hook
/// covers this library's panics only, never the host's or another library's.
///
/// Rust's default hook prints every panic's text and location to stderr, and with
/// `RUST_BACKTRACE=full` a backtrace with addresses: output the host did not ask for, which may
/// reveal the library's layout. The hook sends the text and location to the host's log callback
/// instead (nothing when none is installed); the guard puts the text in the last error. Only
/// [`PANIC_STDERR_ENV`]`=1` brings the default output back.
pub fn install_panic_hook() {
    HOOK.call_once(|| {
        let default = panic::take_hook();
        let to_stderr = std::env::var(PANIC_STDERR_ENV).is_ok_and(|v| v == "1");
        panic::set_hook(Box::new(move |info: &PanicHookInfo<'_>| {
            let text = panic_text(info.payload());
            match info.location() {
                Some(at) => logging::log(
                    Level::Error,
                    "panic",
                    format_args!("panic at {}:{}: {}", at.file(), at.line(), text),
                ),
                None => logging::log(Level::Error, "panic", format_args!("panic: {}", text)),
            }
            if to_stderr {
                default(info);
            }
        }));
    });
}

fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "non-text panic".to_owned())
}

/// Runs an export's body: `Ok` gives [`OK`]; an error gives its code and records its message; a
/// panic gives [`RuntimeError::Panic`] and records the panic text, cut to a bounded length.
///
/// The panic text is the only part of a panic kept: payloads that are not strings are reported
/// as "non-text panic", and no backtrace or address is recorded.
pub fn guard<F>(body: F) -> i32
where
    F: FnOnce() -> Result<(), FfiError>,
{
    install_panic_hook();
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
            last_error::set(&format!("panic: {}", panic_text(payload.as_ref())));
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
