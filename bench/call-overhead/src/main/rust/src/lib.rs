//! The functions `bench/call-overhead` calls through every Java binding style: one of each kind
//! of call a library makes (nothing, numbers, bytes, text, a handle, an error, a callback), each
//! doing as little work as its kind allows, so that the benchmarks see the cost of the crossing.
//!
//! Every export is a guarded ferrule-ffi export: it returns a status (0 for success, a positive
//! [`CallOverheadError`] code, or a negative [`ferrule_ffi::RuntimeError`] code), sets the
//! thread's last error message on failure, and writes its result through an out-parameter.
//! `bench/call-overhead/src/main/rust-raw-handles` builds this same file with ferrule-ffi's
//! `unsafe-raw-handles` feature under another library name.
#![deny(unsafe_op_in_unsafe_fn)]

use ferrule_ffi::{export, memory, FfiBuffer, FfiError, Registry};
use std::sync::atomic::{AtomicI64, Ordering};

ferrule_ffi::error_enum! {
    /// Errors of the benchmark functions; codes are positive and never change meaning.
    pub enum CallOverheadError {
        /// The result does not fit in 64 bits.
        Overflow = 1 => "the result does not fit in 64 bits",
        /// The call failed on purpose, so that the error path can be timed.
        Refused = 2 => "refused on purpose: call_overhead_always_fail times the error path",
    }
}

/// A counter behind a handle: the object of the handle method call.
pub struct Counter {
    value: AtomicI64,
}

/// The Java function [`call_overhead_apply_callback`] calls once, with its `value` and the
/// host's user data; what it returns is the call's result.
pub type ValueCallback = extern "C" fn(value: i64, user_data: usize) -> i64;

static COUNTERS: Registry<Counter> = Registry::new("Counter");

/// `a + b`, or Overflow: the work of both add exports.
fn checked_sum(a: i64, b: i64) -> Result<i64, FfiError> {
    Ok(a.checked_add(b).ok_or(CallOverheadError::Overflow)?)
}

/// The bytes summed as unsigned numbers, wrapping: the work of both checksum exports.
fn byte_sum(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .fold(0_u32, |sum, byte| sum.wrapping_add(u32::from(*byte)))
}

ferrule_ffi::export_runtime! {
    last_error_message = call_overhead_last_error_message;
    last_error_length = call_overhead_last_error_length;
    live_objects = call_overhead_live_objects;
    live_objects_report = call_overhead_live_objects_report;
    buffer_free = call_overhead_buffer_free;
    set_log_callback = call_overhead_set_log_callback;
    build_info = call_overhead_build_info;
    abi_fingerprint = call_overhead_abi_fingerprint;
}

export! {
    /// Does nothing: the cost of a guarded call and its status check.
    fn call_overhead_noop() {
        Ok(())
    }

    /// Writes `a + b` to `out`. Errors: Overflow.
    fn call_overhead_add(a: i64, b: i64, out: *mut i64) non_null(out) {
        unsafe { memory::write_out(out, checked_sum(a, b)?) }
    }

    /// [`call_overhead_add`] as a leaf call: `critical` in Cargo.toml's metadata, so Java binds
    /// it with `Linker.Option.critical` and the thread skips the JVM's state transitions.
    /// Errors: Overflow.
    fn call_overhead_add_critical(a: i64, b: i64, out: *mut i64) non_null(out) {
        unsafe { memory::write_out(out, checked_sum(a, b)?) }
    }

    /// [`call_overhead_checksum`] as a leaf call: `critical` in Cargo.toml's metadata, so Java
    /// passes its byte array in place instead of copying it into native memory.
    fn call_overhead_checksum_critical(data: *const u8, len: usize, out: *mut u32) non_null(out) {
        let bytes = unsafe { memory::input_bytes(data, len, "data")? };
        unsafe { memory::write_out(out, byte_sum(bytes)) }
    }

    /// Writes the sum of the `len` bytes at `data` (each as an unsigned number, wrapping) to
    /// `out`. The compiler vectorises it, so what the time shows is how the bytes are passed, not
    /// the summing. Zero bytes (with any pointer, even null) give 0.
    fn call_overhead_checksum(data: *const u8, len: usize, out: *mut u32) non_null(out) {
        let bytes = unsafe { memory::input_bytes(data, len, "data")? };
        unsafe { memory::write_out(out, byte_sum(bytes)) }
    }

    /// Copies `text` (UTF-8, pointer and length) into a new buffer at `out`: a string in and the
    /// same string out, in memory Rust owns. The caller releases it with
    /// `call_overhead_buffer_free`. Errors: INVALID_UTF8.
    fn call_overhead_echo(text: *const u8, text_len: usize, out: *mut FfiBuffer) non_null(out) {
        let text = unsafe { memory::input_str(text, text_len, "text")? };
        unsafe { memory::write_out(out, FfiBuffer::from_string(text.to_owned())) }
    }

    /// Creates a counter starting at `initial` and writes its handle to `out`.
    /// The caller owns the handle and releases it with `call_overhead_counter_release`.
    fn call_overhead_counter_new(initial: i64, out: *mut u64) non_null(out) {
        let handle = COUNTERS.insert(Counter {
            value: AtomicI64::new(initial),
        });
        unsafe { memory::write_out(out, handle) }
    }

    /// Adds `amount` to the counter and writes the new value to `out`.
    /// Errors: Overflow; INVALID_HANDLE / STALE_HANDLE / WRONG_HANDLE_TYPE.
    fn call_overhead_counter_add(counter: u64, amount: i64, out: *mut i64) non_null(out) {
        let counter = COUNTERS.get(counter)?;
        let previous = counter
            .value
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |value| value.checked_add(amount))
            .map_err(|_| CallOverheadError::Overflow)?;
        unsafe { memory::write_out(out, previous + amount) }
    }

    /// Releases a counter handle. Releasing twice gives STALE_HANDLE.
    fn call_overhead_counter_release(counter: u64) {
        COUNTERS.remove(counter)
    }

    /// Fails every time with Refused, which sets the thread's last error message: the cost of
    /// an error status becoming a Java exception.
    fn call_overhead_always_fail() {
        Err(CallOverheadError::Refused.into())
    }

    /// Calls `callback` once with `value` and `user_data`, and writes what it returns to `out`.
    fn call_overhead_apply_callback(
        value: i64,
        callback: Option<ValueCallback>,
        user_data: usize,
        out: *mut i64
    ) non_null(out) {
        let callback = callback.ok_or(FfiError::null_argument("callback"))?;
        unsafe { memory::write_out(out, callback(value, user_data)) }
    }
}
