//! The Ferrule template library: a counter shared through handles, a fallible operation with its
//! own error enum, text and bytes, a closure, records and an enum, written as plain Rust.
//!
//! ferrule-ffi's attributes make the C ABI: every export is guarded (a panic becomes a status,
//! never an unwind), errors cross as positive codes with their messages, objects cross as
//! checked handles, and text and bytes as (pointer, length). They also declare what each
//! parameter and result means, so the Java binding is read from the crate, not guessed.
//! The crate itself has no `unsafe` and no raw pointer, and forbids them.
#![forbid(unsafe_code)]

use std::sync::atomic::{AtomicI64, AtomicU64, AtomicU8, Ordering};

ferrule_ffi::library!();

/// Errors of the template API; codes are positive and never change meaning.
#[ferrule_ffi::error]
pub enum TemplateError {
    /// Adding would overflow the counter.
    #[message("the counter would overflow")]
    Overflow = 1,
    /// The amount must not be negative.
    #[message("the amount must not be negative")]
    NegativeAmount = 2,
    /// The closure asked to stop.
    #[message("the callback stopped the iteration")]
    Stopped = 3,
}

/// What an addition past a counter's limit does.
#[ferrule_ffi::enumeration]
pub enum OverflowMode {
    /// The addition fails with [`TemplateError::Overflow`] and the counter is unchanged.
    Fail = 1,
    /// The counter stops at its limit.
    Saturate = 2,
}

/// A counter's settings, passed and returned by value; its padding after `count_zero` is part
/// of the layout the bindings check.
#[ferrule_ffi::record]
pub struct CounterSettings {
    /// The highest value the counter may reach.
    pub limit: i64,
    /// What an addition past the limit does.
    pub mode: OverflowMode,
    /// Whether adding zero counts as an addition in the statistics.
    pub count_zero: bool,
}

/// Counter statistics.
#[ferrule_ffi::record]
pub struct CounterStats {
    /// The current value.
    pub value: i64,
    /// How many successful additions were made.
    pub additions: u64,
}

/// A thread-safe counter, shared through handles.
pub struct Counter {
    value: AtomicI64,
    additions: AtomicU64,
    limit: AtomicI64,
    saturate: AtomicU8,
    count_zero: AtomicU8,
}

#[ferrule_ffi::expose]
impl Counter {
    /// A counter starting at `initial`, with no limit but `i64::MAX`.
    pub fn new(initial: i64) -> Self {
        ferrule_ffi::ffi_log!(ferrule_ffi::Level::Debug, "template", "counter created");
        Counter {
            value: AtomicI64::new(initial),
            additions: AtomicU64::new(0),
            limit: AtomicI64::new(i64::MAX),
            saturate: AtomicU8::new(0),
            count_zero: AtomicU8::new(0),
        }
    }

    /// Adds a non-negative `amount` and returns the new value.
    pub fn add(&self, amount: i64) -> Result<i64, TemplateError> {
        if amount < 0 {
            return Err(TemplateError::NegativeAmount);
        }
        let limit = self.limit.load(Ordering::SeqCst);
        let saturate = self.saturate.load(Ordering::SeqCst) != 0;
        let mut current = self.value.load(Ordering::SeqCst);
        let next = loop {
            let next = match current.checked_add(amount).filter(|next| *next <= limit) {
                Some(next) => next,
                None if saturate => limit.max(current),
                None => return Err(TemplateError::Overflow),
            };
            match self
                .value
                .compare_exchange(current, next, Ordering::SeqCst, Ordering::SeqCst)
            {
                Ok(_) => break next,
                Err(actual) => current = actual,
            }
        };
        if amount != 0 || self.count_zero.load(Ordering::SeqCst) != 0 {
            self.additions.fetch_add(1, Ordering::SeqCst);
        }
        Ok(next)
    }

    /// The counter's value and how many additions were counted.
    pub fn stats(&self) -> CounterStats {
        CounterStats {
            value: self.value.load(Ordering::SeqCst),
            additions: self.additions.load(Ordering::SeqCst),
        }
    }

    /// Applies `settings`: the limit, what happens past it, and whether adding zero counts.
    pub fn configure(&self, settings: CounterSettings) {
        self.limit.store(settings.limit, Ordering::SeqCst);
        let saturate = matches!(settings.mode, OverflowMode::Saturate);
        self.saturate.store(u8::from(saturate), Ordering::SeqCst);
        self.count_zero
            .store(u8::from(settings.count_zero), Ordering::SeqCst);
    }

    /// The settings in force.
    pub fn settings(&self) -> CounterSettings {
        CounterSettings {
            limit: self.limit.load(Ordering::SeqCst),
            mode: if self.saturate.load(Ordering::SeqCst) != 0 {
                OverflowMode::Saturate
            } else {
                OverflowMode::Fail
            },
            count_zero: self.count_zero.load(Ordering::SeqCst) != 0,
        }
    }

    /// Calls `each` with 1, 2, ... up to the counter's value (at most 1,000 steps). When `each`
    /// returns false, the iteration stops with [`TemplateError::Stopped`]. `#[args(..)]` names the
    /// closure's arguments for Java, since Rust's `impl FnMut(i64)` has no names to give.
    pub fn steps(
        &self,
        #[args(step)] mut each: impl FnMut(i64) -> bool,
    ) -> Result<(), TemplateError> {
        let last = self.value.load(Ordering::SeqCst).clamp(0, 1000);
        for step in 1..=last {
            if !each(step) {
                return Err(TemplateError::Stopped);
            }
        }
        Ok(())
    }
}

/// How Rust sees `settings`, field by field, so the host can check that its layout matches the
/// compiler's.
#[ferrule_ffi::expose]
pub fn settings_describe(settings: CounterSettings) -> String {
    let mode = match settings.mode {
        OverflowMode::Fail => "Fail",
        OverflowMode::Saturate => "Saturate",
    };
    format!(
        "limit={} mode={mode} count_zero={}",
        settings.limit, settings.count_zero
    )
}

/// Greets `name`; an empty name greets a stranger.
#[ferrule_ffi::expose]
pub fn greet(name: &str) -> String {
    let who = if name.is_empty() { "stranger" } else { name };
    format!("Hello, {who}!")
}

/// The FNV-1a checksum of `data`; no bytes give the offset basis.
#[ferrule_ffi::expose]
pub fn checksum(data: &[u8]) -> u32 {
    data.iter().fold(0x811c_9dc5_u32, |hash, byte| {
        (hash ^ u32::from(*byte)).wrapping_mul(0x0100_0193)
    })
}

/// Panics on purpose when `boom` is true, to prove a panic becomes a PANIC status.
#[ferrule_ffi::expose]
pub fn panic_if(boom: bool) {
    assert!(!boom, "asked to panic");
}
