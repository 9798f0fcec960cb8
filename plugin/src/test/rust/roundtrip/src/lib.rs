//! Every type ferrule-ffi's attributes carry, each sent to Rust and straight back, written as
//! plain Rust: no `unsafe`, no raw pointer, no out-parameter. The Java tests send minima, maxima,
//! empties, non-ASCII text and `None` through each, and take the error paths.

use std::sync::atomic::{AtomicI64, Ordering};

ferrule_ffi::library!();

/// What can go wrong.
#[ferrule_ffi::error]
pub enum RoundtripError {
    /// The value is out of the accepted range.
    #[message("the value is out of range")]
    OutOfRange,
    /// The counter would overflow.
    #[message("the counter would overflow")]
    Overflow = 5,
    /// Asked to fail.
    Refused,
}

/// A fieldless enum.
#[ferrule_ffi::enumeration]
pub enum Color {
    /// The first.
    Red,
    /// Explicit values cross as they are.
    Green = 10,
    /// The next one after an explicit value.
    Blue,
}

/// A record nested in another.
#[ferrule_ffi::record]
pub struct Span {
    /// Signed.
    pub start: i32,
    /// Unsigned, the full range of which Java holds in an int.
    pub length: u16,
}

/// A record of every kind of field.
#[ferrule_ffi::record]
pub struct Sample {
    /// i8.
    pub tiny: i8,
    /// u8, read as 0..=255 in Java.
    pub byte: u8,
    /// i16.
    pub short: i16,
    /// u32, read as 0..=4294967295 in Java.
    pub wide: u32,
    /// i64.
    pub long: i64,
    /// u64: Java's long holds its bits.
    pub huge: u64,
    /// f32.
    pub ratio: f32,
    /// f64.
    pub precise: f64,
    /// bool.
    pub flag: bool,
    /// An enum field.
    pub color: Color,
    /// A nested record.
    pub span: Span,
}

/// Counts bytes, as a leaf call: short and callback-free, so Java binds it critically and passes
/// the array in place.
#[ferrule_ffi::expose(critical)]
pub fn count_bytes(data: &[u8]) -> u64 {
    data.len() as u64
}

/// Echoes an i8.
#[ferrule_ffi::expose]
pub fn echo_i8(value: i8) -> i8 {
    value
}

/// Echoes an i16.
#[ferrule_ffi::expose]
pub fn echo_i16(value: i16) -> i16 {
    value
}

/// Echoes an i32.
#[ferrule_ffi::expose]
pub fn echo_i32(value: i32) -> i32 {
    value
}

/// Echoes an i64.
#[ferrule_ffi::expose]
pub fn echo_i64(value: i64) -> i64 {
    value
}

/// Echoes a u8.
#[ferrule_ffi::expose]
pub fn echo_u8(value: u8) -> u8 {
    value
}

/// Echoes a u16.
#[ferrule_ffi::expose]
pub fn echo_u16(value: u16) -> u16 {
    value
}

/// Echoes a u32.
#[ferrule_ffi::expose]
pub fn echo_u32(value: u32) -> u32 {
    value
}

/// Echoes a u64.
#[ferrule_ffi::expose]
pub fn echo_u64(value: u64) -> u64 {
    value
}

/// Echoes an f32.
#[ferrule_ffi::expose]
pub fn echo_f32(value: f32) -> f32 {
    value
}

/// Echoes an f64.
#[ferrule_ffi::expose]
pub fn echo_f64(value: f64) -> f64 {
    value
}

/// Negates a bool.
#[ferrule_ffi::expose]
pub fn negate(value: bool) -> bool {
    !value
}

/// Echoes borrowed text.
#[ferrule_ffi::expose]
pub fn echo_str(text: &str) -> String {
    text.to_owned()
}

/// Takes owned text and gives it back reversed, by characters.
#[ferrule_ffi::expose]
pub fn reverse(text: String) -> String {
    text.chars().rev().collect()
}

/// Echoes borrowed bytes.
#[ferrule_ffi::expose]
pub fn echo_bytes(bytes: &[u8]) -> Vec<u8> {
    bytes.to_vec()
}

/// Takes owned bytes and gives them back reversed.
#[ferrule_ffi::expose]
pub fn reverse_bytes(mut bytes: Vec<u8>) -> Vec<u8> {
    bytes.reverse();
    bytes
}

/// How many UTF-8 bytes and characters the text has, as "bytes/chars".
#[ferrule_ffi::expose]
pub fn measure(text: &str) -> String {
    format!("{}/{}", text.len(), text.chars().count())
}

/// Echoes an optional i64.
#[ferrule_ffi::expose]
pub fn echo_option_i64(value: Option<i64>) -> Option<i64> {
    value
}

/// Echoes an optional u8.
#[ferrule_ffi::expose]
pub fn echo_option_u8(value: Option<u8>) -> Option<u8> {
    value
}

/// Echoes an optional bool.
#[ferrule_ffi::expose]
pub fn echo_option_bool(value: Option<bool>) -> Option<bool> {
    value
}

/// Echoes optional text.
#[ferrule_ffi::expose]
pub fn echo_option_str(text: Option<&str>) -> Option<String> {
    text.map(str::to_owned)
}

/// Echoes optional bytes.
#[ferrule_ffi::expose]
pub fn echo_option_bytes(bytes: Option<Vec<u8>>) -> Option<Vec<u8>> {
    bytes
}

/// Echoes an optional enum.
#[ferrule_ffi::expose]
pub fn echo_option_color(color: Option<Color>) -> Option<Color> {
    color
}

/// Echoes an optional record.
#[ferrule_ffi::expose]
pub fn echo_option_sample(sample: Option<Sample>) -> Option<Sample> {
    sample
}

/// Echoes an enum.
#[ferrule_ffi::expose]
pub fn echo_color(color: Color) -> Color {
    color
}

/// Echoes a record.
#[ferrule_ffi::expose]
pub fn echo_sample(sample: Sample) -> Sample {
    sample
}

/// Moves a span by an offset; fails when the start would overflow.
#[ferrule_ffi::expose]
pub fn shift(span: Span, by: i32) -> Result<Span, RoundtripError> {
    let start = span
        .start
        .checked_add(by)
        .ok_or(RoundtripError::OutOfRange)?;
    Ok(Span { start, ..span })
}

/// Fails with `Refused` when asked to.
#[ferrule_ffi::expose]
pub fn refuse(fail: bool) -> Result<(), RoundtripError> {
    if fail {
        Err(RoundtripError::Refused)
    } else {
        Ok(())
    }
}

/// Panics when asked to: the guard turns it into the PANIC status.
#[ferrule_ffi::expose]
pub fn panic_if(boom: bool) -> i32 {
    assert!(!boom, "asked to panic");
    0
}

/// Sums `count` values the closure gives for 0, 1, ...
#[ferrule_ffi::expose]
pub fn sum_of(count: i32, value_at: impl Fn(i32) -> i64) -> i64 {
    (0..count).map(&value_at).sum()
}

/// Calls the closure for each step until it returns false; returns how many it accepted.
#[ferrule_ffi::expose]
pub fn count_while(limit: u32, mut accept: impl FnMut(u32, bool) -> bool) -> u32 {
    let mut accepted = 0;
    while accepted < limit && accept(accepted, accepted % 2 == 0) {
        accepted += 1;
    }
    accepted
}

/// Gives the closure the largest u8 and u32, and returns what it picks, widened: unsigned
/// numbers in closures widen in Java as everywhere else.
#[ferrule_ffi::expose]
pub fn pick_unsigned(#[args(small, large)] pick: impl Fn(u8, u32) -> u32) -> u64 {
    u64::from(pick(u8::MAX, u32::MAX))
}

/// A counter behind handles.
pub struct Counter {
    value: AtomicI64,
}

#[ferrule_ffi::expose]
impl Counter {
    /// A counter at `initial`.
    pub fn new(initial: i64) -> Self {
        Counter {
            value: AtomicI64::new(initial),
        }
    }

    /// A counter at `initial`, which must not be negative.
    pub fn non_negative(initial: i64) -> Result<Self, RoundtripError> {
        if initial < 0 {
            return Err(RoundtripError::OutOfRange);
        }
        Ok(Counter::new(initial))
    }

    /// Adds `amount` and returns the new value.
    pub fn add(&self, amount: i64) -> Result<i64, RoundtripError> {
        let mut current = self.value.load(Ordering::SeqCst);
        loop {
            let next = current
                .checked_add(amount)
                .ok_or(RoundtripError::Overflow)?;
            match self
                .value
                .compare_exchange(current, next, Ordering::SeqCst, Ordering::SeqCst)
            {
                Ok(_) => return Ok(next),
                Err(actual) => current = actual,
            }
        }
    }

    /// The current value.
    pub fn value(&self) -> i64 {
        self.value.load(Ordering::SeqCst)
    }

    /// Adds what another counter holds.
    pub fn absorb(&self, other: &Counter) -> Result<i64, RoundtripError> {
        self.add(other.value())
    }

    /// A new counter with this one's value; none when it is zero.
    pub fn split(&self) -> Option<Counter> {
        let value = self.value();
        (value != 0).then(|| Counter::new(value))
    }

    /// The sum of two counters' values, the second one optional.
    pub fn total(first: &Counter, second: Option<&Counter>) -> i64 {
        first.value() + second.map_or(0, Counter::value)
    }

    /// Calls the closure with 1, 2, ... up to the value (at most 1,000), until it says stop.
    pub fn steps(&self, #[args(step)] mut each: impl FnMut(i64) -> bool) -> i64 {
        let mut taken = 0;
        for step in 1..=self.value().clamp(0, 1000) {
            if !each(step) {
                break;
            }
            taken += 1;
        }
        taken
    }
}
