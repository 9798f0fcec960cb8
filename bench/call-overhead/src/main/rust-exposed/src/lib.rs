//! The functions of `bench/call-overhead/src/main/rust`, written as plain Rust with ferrule-ffi's
//! attributes instead of `export!`: the same work, the same C shapes (status, out-parameters,
//! handles, pointer and length), so that the benchmark shows what the attributes cost, if anything.

use std::sync::atomic::{AtomicI64, Ordering};

ferrule_ffi::library!();

/// Errors of the benchmark functions; codes are positive and never change meaning.
#[ferrule_ffi::error]
pub enum CallOverheadExposedError {
    /// The result does not fit in 64 bits.
    #[message("the result does not fit in 64 bits")]
    Overflow = 1,
    /// The call failed on purpose, so that the error path can be timed.
    #[message("refused on purpose: call_overhead_always_fail times the error path")]
    Refused = 2,
}

/// Does nothing: the cost of a guarded call and its status check.
#[ferrule_ffi::expose]
pub fn noop() {}

/// `a + b`. Errors: Overflow.
#[ferrule_ffi::expose]
pub fn add(a: i64, b: i64) -> Result<i64, CallOverheadExposedError> {
    a.checked_add(b).ok_or(CallOverheadExposedError::Overflow)
}

/// [`add`] as a leaf call: Java binds it with `Linker.Option.critical`. Errors: Overflow.
#[ferrule_ffi::expose(critical)]
pub fn add_critical(a: i64, b: i64) -> Result<i64, CallOverheadExposedError> {
    a.checked_add(b).ok_or(CallOverheadExposedError::Overflow)
}

/// [`checksum`] as a leaf call: Java passes its byte array in place.
#[ferrule_ffi::expose(critical)]
pub fn checksum_critical(data: &[u8]) -> u32 {
    data.iter()
        .fold(0_u32, |sum, byte| sum.wrapping_add(u32::from(*byte)))
}

/// The sum of the bytes (each as an unsigned number, wrapping).
#[ferrule_ffi::expose]
pub fn checksum(data: &[u8]) -> u32 {
    data.iter()
        .fold(0_u32, |sum, byte| sum.wrapping_add(u32::from(*byte)))
}

/// The same text back, in memory Rust owns.
#[ferrule_ffi::expose]
pub fn echo(text: &str) -> String {
    text.to_owned()
}

/// A counter behind a handle: the object of the handle method call.
pub struct Counter {
    value: AtomicI64,
}

#[ferrule_ffi::expose]
impl Counter {
    /// A counter starting at `initial`.
    pub fn new(initial: i64) -> Self {
        Counter {
            value: AtomicI64::new(initial),
        }
    }

    /// Adds `amount` and returns the new value. Errors: Overflow.
    pub fn add(&self, amount: i64) -> Result<i64, CallOverheadExposedError> {
        let previous = self
            .value
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |value| {
                value.checked_add(amount)
            })
            .map_err(|_| CallOverheadExposedError::Overflow)?;
        Ok(previous + amount)
    }
}

/// Fails every time with Refused: the cost of an error becoming a Java exception.
#[ferrule_ffi::expose]
pub fn always_fail() -> Result<(), CallOverheadExposedError> {
    Err(CallOverheadExposedError::Refused)
}

/// Calls `callback` once with `value` and returns what it returns.
#[ferrule_ffi::expose]
pub fn apply_callback(value: i64, callback: impl Fn(i64) -> i64) -> i64 {
    callback(value)
}
