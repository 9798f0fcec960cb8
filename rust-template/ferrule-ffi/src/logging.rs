//! Log records for the host: one callback, installed by the host; nothing is printed when none
//! is installed. Records are built with `format_args!`, whose format string is a literal, so
//! untrusted input can only ever be an argument, never a format string.

use std::fmt;
use std::sync::{PoisonError, RwLock};

/// Log levels, as integers the host maps to its own.
#[repr(i32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Very detailed.
    Trace = 0,
    /// For debugging.
    Debug = 1,
    /// Normal operation.
    Info = 2,
    /// Something unexpected that was handled.
    Warn = 3,
    /// Something failed.
    Error = 4,
}

/// The host's log callback: level, target (UTF-8 pointer and length), message (UTF-8 pointer and
/// length), and the host's user data. The strings are valid only during the call.
pub type LogCallback = extern "C" fn(
    level: i32,
    target: *const u8,
    target_len: usize,
    message: *const u8,
    message_len: usize,
    user_data: usize,
);

static CALLBACK: RwLock<Option<(LogCallback, usize)>> = RwLock::new(None);

/// Installs (or with `None`, removes) the host's callback.
pub fn set_callback(callback: Option<LogCallback>, user_data: usize) {
    *CALLBACK.write().unwrap_or_else(PoisonError::into_inner) = callback.map(|c| (c, user_data));
}

/// Sends a record to the host's callback, if one is installed.
pub fn log(level: Level, target: &str, message: fmt::Arguments<'_>) {
    let installed = *CALLBACK.read().unwrap_or_else(PoisonError::into_inner);
    if let Some((callback, user_data)) = installed {
        let text = message.to_string();
        callback(
            level as i32,
            target.as_ptr(),
            target.len(),
            text.as_ptr(),
            text.len(),
            user_data,
        );
    }
}

/// Logs a record: `ffi_log!(Level::Info, "target", "opened {} files", n)`.
#[macro_export]
macro_rules! ffi_log {
    ($level:expr, $target:expr, $($arg:tt)+) => {
        $crate::logging::log($level, $target, format_args!($($arg)+))
    };
}
