//! Std-only support for a safe C ABI between Rust and Java (or any host).
//!
//! Write plain Rust and mark what the host may call: [`expose`] on a `pub fn` or an inherent
//! `impl` block, [`record`] on a struct of values, [`enumeration`] on a fieldless enum,
//! [`error`](macro@error) on the crate's error enum, and [`library!`] once. They write the
//! exports below, with no `unsafe` in the crate, and declare what each one means for the Java
//! generator ([`bridge`] holds what their expansion calls). [`export!`] is the low-level layer
//! for hand-written C signatures.
//!
//! The contract every export follows:
//! - it returns an `i32` status: 0 success, positive values the crate's own error enum, negative
//!   values the runtime's ([`RuntimeError`]); results go through out-parameters;
//! - a panic never unwinds into the host: [`export!`] runs the body in [`guard`](fn@guard), which turns it
//!   into [`RuntimeError::Panic`] with a bounded, thread-local message ([`last_error`]);
//! - objects cross as `u64` handles from a typed, generational [`Registry`]: stale, released or
//!   wrong-type handles are error codes;
//! - Rust owns what it allocates: every [`FfiBuffer`] is released by one export, and live objects
//!   and buffers are counted ([`live`]) so tests can assert that nothing leaked;
//! - inputs arrive as (pointer, length) and are checked ([`memory`]).
#![deny(unsafe_op_in_unsafe_fn)]
#![deny(missing_docs)]

pub mod bridge;
pub mod build;
pub mod error;
pub mod guard;
pub mod handles;
pub mod identity;
pub mod last_error;
pub mod live;
pub mod logging;
pub mod memory;
pub mod secret;
pub mod status;

pub use error::{ErrorCode, FfiError};
pub use ferrule_macros::{enumeration, error, expose, library, record};
pub use guard::guard;
pub use handles::Registry;
pub use logging::{Level, LogCallback};
pub use memory::FfiBuffer;
pub use secret::Secret;
pub use status::{RuntimeError, OK};

/// Exports the runtime functions every Ferrule library offers, under the crate's own names:
/// last error, leak counters, buffer release, log callback, build info and ABI fingerprint.
///
/// ```ignore
/// ferrule_ffi::export_runtime! {
///     last_error_message = demo_last_error_message;
///     last_error_length = demo_last_error_length;
///     live_objects = demo_live_objects;
///     live_objects_report = demo_live_objects_report;
///     buffer_free = demo_buffer_free;
///     set_log_callback = demo_set_log_callback;
///     build_info = demo_build_info;
///     abi_fingerprint = demo_abi_fingerprint;
/// }
/// ```
#[macro_export]
macro_rules! export_runtime {
    (
        last_error_message = $last_error_message:ident;
        last_error_length = $last_error_length:ident;
        live_objects = $live_objects:ident;
        live_objects_report = $live_objects_report:ident;
        buffer_free = $buffer_free:ident;
        set_log_callback = $set_log_callback:ident;
        build_info = $build_info:ident;
        abi_fingerprint = $abi_fingerprint:ident;
    ) => {
        /// Copies this thread's last error message (UTF-8) into `buf` of `cap` bytes and returns
        /// the number of bytes written; a longer message is cut at a character boundary.
        ///
        /// # Safety
        /// `buf` must point to `cap` writable bytes, or be null.
        #[no_mangle]
        pub unsafe extern "C" fn $last_error_message(buf: *mut u8, cap: usize) -> usize {
            // SAFETY: forwarded contract.
            unsafe { $crate::last_error::copy_to(buf, cap) }
        }

        /// The length in bytes of this thread's last error message; 0 when the last call succeeded.
        #[no_mangle]
        pub extern "C" fn $last_error_length() -> usize {
            $crate::last_error::len()
        }

        /// How many objects and buffers are alive, over all types.
        #[no_mangle]
        pub extern "C" fn $live_objects() -> i64 {
            $crate::live::total()
        }

        $crate::export! {
            /// Writes `name count` lines, one per object type, into a new buffer at `out`.
            /// Release the buffer with the buffer release export.
            fn $live_objects_report(out: *mut $crate::FfiBuffer) non_null(out) {
                unsafe { $crate::memory::write_out(out, $crate::FfiBuffer::from_string($crate::live::report())) }
            }

            /// Writes the build info as JSON (crate, version, features, profile, abiFingerprint)
            /// into a new buffer at `out`. Release the buffer with the buffer release export.
            fn $build_info(out: *mut $crate::FfiBuffer) non_null(out) {
                let json = $crate::identity::build_info_json(
                    env!("CARGO_PKG_NAME"),
                    env!("CARGO_PKG_VERSION"),
                    option_env!("FERRULE_FEATURES"),
                    option_env!("FERRULE_PROFILE"),
                    option_env!("FERRULE_ABI_FINGERPRINT"),
                );
                unsafe { $crate::memory::write_out(out, $crate::FfiBuffer::from_string(json)) }
            }

            /// Writes the ABI fingerprint the library was built with into a new buffer at `out`.
            fn $abi_fingerprint(out: *mut $crate::FfiBuffer) non_null(out) {
                let fingerprint = option_env!("FERRULE_ABI_FINGERPRINT").unwrap_or("unset");
                unsafe { $crate::memory::write_out(out, $crate::FfiBuffer::from_string(fingerprint.to_owned())) }
            }
        }

        /// Releases a buffer this library returned. Each buffer must be released exactly once;
        /// the empty buffer may be released any number of times.
        ///
        /// # Safety
        /// `buffer` must come from this library and not have been released.
        #[no_mangle]
        pub unsafe extern "C" fn $buffer_free(buffer: $crate::FfiBuffer) {
            // SAFETY: forwarded contract.
            unsafe { $crate::FfiBuffer::release(buffer) }
        }

        /// Installs the host's log callback, or removes it with null. With none, nothing is logged.
        #[no_mangle]
        pub extern "C" fn $set_log_callback(callback: Option<$crate::LogCallback>, user_data: usize) {
            $crate::logging::set_callback(callback, user_data);
        }
    };
}
