//! The Ferrule template library: a counter behind a handle, a fallible operation with its own
//! error enum, string and byte I/O, a callback and a `#[repr(C)]` struct, all exported through
//! `ferrule-ffi`'s guarded exports.
//!
//! Every export returns a status: 0 for success, a positive [`TemplateError`] code, or a negative
//! [`ferrule_ffi::RuntimeError`] code. On failure the thread's last error message says why
//! (`template_last_error_message`). Results go through out-parameters.
#![deny(unsafe_op_in_unsafe_fn)]

use ferrule_ffi::{export, memory, FfiBuffer, FfiError, Registry};
use std::sync::atomic::{AtomicI32, AtomicI64, AtomicU64, Ordering};

ferrule_ffi::error_enum! {
    /// Errors of the template API; codes are positive and never change meaning.
    pub enum TemplateError {
        /// Adding would overflow the counter.
        Overflow = 1 => "the counter would overflow",
        /// The amount must not be negative.
        NegativeAmount = 2 => "the amount must not be negative",
        /// The callback asked to stop.
        Stopped = 3 => "the callback stopped the iteration",
    }
}

/// A thread-safe counter, shared through handles.
pub struct Counter {
    value: AtomicI64,
    additions: AtomicU64,
    limit: AtomicI64,
    mode: AtomicI32,
}

/// What an addition past a counter's limit does.
#[repr(i32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OverflowMode {
    /// The addition fails with [`TemplateError::Overflow`] and the counter is unchanged.
    Fail = 1,
    /// The counter stops at its limit.
    Saturate = 2,
}

impl OverflowMode {
    fn from_i32(value: i32) -> OverflowMode {
        if value == OverflowMode::Saturate as i32 {
            OverflowMode::Saturate
        } else {
            OverflowMode::Fail
        }
    }
}

/// A counter's settings, passed by value and by pointer; its padding after `count_zero` is
/// part of the layout the bindings check.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CounterSettings {
    /// The highest value the counter may reach.
    pub limit: i64,
    /// What an addition past the limit does.
    pub mode: OverflowMode,
    /// Whether adding zero counts as an addition in the statistics.
    pub count_zero: bool,
}

/// Counter statistics, returned by value through an out-parameter.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CounterStats {
    /// The current value.
    pub value: i64,
    /// How many successful additions were made.
    pub additions: u64,
}

/// A callback that receives each step of [`template_counter_steps`] and the host's user data.
/// Returning non-zero stops the iteration with [`TemplateError::Stopped`].
pub type StepCallback = extern "C" fn(step: i64, user_data: usize) -> i32;

static COUNTERS: Registry<Counter> = Registry::new("Counter");

ferrule_ffi::export_runtime! {
    last_error_message = template_last_error_message;
    last_error_length = template_last_error_length;
    live_objects = template_live_objects;
    live_objects_report = template_live_objects_report;
    buffer_free = template_buffer_free;
    set_log_callback = template_set_log_callback;
    build_info = template_build_info;
    abi_fingerprint = template_abi_fingerprint;
}

export! {
    /// Creates a counter starting at `initial` and writes its handle to `out`.
    /// The caller owns the handle and releases it with `template_counter_release`.
    fn template_counter_new(initial: i64, out: *mut u64) non_null(out) {
        let handle = COUNTERS.insert(Counter {
            value: AtomicI64::new(initial),
            additions: AtomicU64::new(0),
            limit: AtomicI64::new(i64::MAX),
            mode: AtomicI32::new(OverflowMode::Fail as i32),
        });
        ferrule_ffi::ffi_log!(ferrule_ffi::Level::Debug, "template", "counter created");
        unsafe { memory::write_out(out, handle) }
    }

    /// Writes a second handle to the same counter to `out`. Each handle is released on its own.
    fn template_counter_clone(counter: u64, out: *mut u64) non_null(out) {
        let handle = COUNTERS.clone_handle(counter)?;
        unsafe { memory::write_out(out, handle) }
    }

    /// Releases a counter handle. Releasing twice gives STALE_HANDLE; a call in flight on
    /// another thread finishes safely.
    fn template_counter_release(counter: u64) {
        COUNTERS.remove(counter)
    }

    /// Adds a non-negative `amount` and writes the new value to `out`.
    /// Errors: NegativeAmount, Overflow; INVALID_HANDLE / STALE_HANDLE / WRONG_HANDLE_TYPE.
    fn template_counter_add(counter: u64, amount: i64, out: *mut i64) non_null(out) {
        let counter = COUNTERS.get(counter)?;
        if amount < 0 {
            return Err(TemplateError::NegativeAmount.into());
        }
        let limit = counter.limit.load(Ordering::SeqCst);
        let saturate = OverflowMode::from_i32(counter.mode.load(Ordering::SeqCst)) == OverflowMode::Saturate;
        let mut current = counter.value.load(Ordering::SeqCst);
        let next = loop {
            let next = match current.checked_add(amount).filter(|next| *next <= limit) {
                Some(next) => next,
                None if saturate => limit.max(current),
                None => return Err(TemplateError::Overflow.into()),
            };
            match counter.value.compare_exchange(current, next, Ordering::SeqCst, Ordering::SeqCst) {
                Ok(_) => break next,
                Err(actual) => current = actual,
            }
        };
        counter.additions.fetch_add(1, Ordering::SeqCst);
        unsafe { memory::write_out(out, next) }
    }

    /// Writes the counter's statistics to `out`.
    fn template_counter_stats(counter: u64, out: *mut CounterStats) non_null(out) {
        let counter = COUNTERS.get(counter)?;
        let stats = CounterStats {
            value: counter.value.load(Ordering::SeqCst),
            additions: counter.additions.load(Ordering::SeqCst),
        };
        unsafe { memory::write_out(out, stats) }
    }

    /// Applies `settings` to the counter: its limit and what happens past it.
    fn template_counter_configure(counter: u64, settings: *const CounterSettings) non_null(settings) {
        let counter = COUNTERS.get(counter)?;
        // SAFETY: non-null was checked; the caller passes a readable CounterSettings.
        let settings = unsafe { settings.read() };
        counter.limit.store(settings.limit, Ordering::SeqCst);
        counter.mode.store(settings.mode as i32, Ordering::SeqCst);
        Ok(())
    }

    /// Writes the counter's settings to `out`; `count_zero` is always false for now.
    fn template_counter_settings(counter: u64, out: *mut CounterSettings) non_null(out) {
        let counter = COUNTERS.get(counter)?;
        let settings = CounterSettings {
            limit: counter.limit.load(Ordering::SeqCst),
            mode: OverflowMode::from_i32(counter.mode.load(Ordering::SeqCst)),
            count_zero: false,
        };
        unsafe { memory::write_out(out, settings) }
    }

    /// Writes how Rust sees `settings`, field by field, as text to a new buffer at `out`, so the
    /// host can check that its layout matches the compiler's.
    fn template_settings_describe(settings: CounterSettings, out: *mut FfiBuffer) non_null(out) {
        let text = format!(
            "limit={} mode={:?} count_zero={}",
            settings.limit, settings.mode, settings.count_zero
        );
        unsafe { memory::write_out(out, FfiBuffer::from_string(text)) }
    }

    /// Calls `callback` with 1, 2, ... up to the counter's value (at most 1,000 steps).
    /// A non-zero return from the callback stops with Stopped.
    fn template_counter_steps(counter: u64, callback: Option<StepCallback>, user_data: usize) {
        let counter = COUNTERS.get(counter)?;
        let callback = callback.ok_or(FfiError::null_argument("callback"))?;
        let last = counter.value.load(Ordering::SeqCst).clamp(0, 1000);
        for step in 1..=last {
            if callback(step, user_data) != 0 {
                return Err(TemplateError::Stopped.into());
            }
        }
        Ok(())
    }

    /// Greets `name` (UTF-8, pointer and length; empty is fine) and writes a new UTF-8 buffer to
    /// `out`. The caller releases it with `template_buffer_free`. Errors: INVALID_UTF8.
    fn template_greet(name: *const u8, name_len: usize, out: *mut FfiBuffer) non_null(out) {
        let name = unsafe { memory::input_str(name, name_len, "name")? };
        let who = if name.is_empty() { "stranger" } else { name };
        unsafe { memory::write_out(out, FfiBuffer::from_string(format!("Hello, {who}!"))) }
    }

    /// Writes the FNV-1a checksum of `len` bytes at `data` to `out`. Zero bytes (with any
    /// pointer, even null) give the offset basis.
    fn template_checksum(data: *const u8, len: usize, out: *mut u32) non_null(out) {
        let bytes = unsafe { memory::input_bytes(data, len, "data")? };
        let hash = bytes.iter().fold(0x811c_9dc5_u32, |hash, byte| {
            (hash ^ u32::from(*byte)).wrapping_mul(0x0100_0193)
        });
        unsafe { memory::write_out(out, hash) }
    }

    /// Panics on purpose when `boom` is non-zero, to prove panics become a PANIC status.
    fn template_panic_if(boom: i32) {
        assert!(boom == 0, "asked to panic");
        Ok(())
    }
}
