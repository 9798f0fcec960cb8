//! Every shape that crosses, exposed the way a crate author writes it, and called the way the
//! host calls the exports: raw pointers, presence bytes, handles and statuses.
#![deny(unsafe_op_in_unsafe_fn, missing_docs)]

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Mutex;

ferrule_ffi::library!();

/// Errors of the shapes crate.
#[ferrule_ffi::error]
pub enum ShapeError {
    /// Adding would overflow.
    #[message("the counter would overflow")]
    Overflow,
    /// The amount must not be negative.
    NegativeAmount = 7,
}

/// How a counter treats its limit.
#[ferrule_ffi::enumeration]
pub enum Mode {
    /// Fail past the limit.
    Fail,
    /// Stop at the limit.
    Saturate = 5,
}

/// A nested record.
#[ferrule_ffi::record]
pub struct Range {
    /// The lowest value.
    pub low: i32,
    /// The highest value.
    pub high: u16,
}

/// Settings, by value.
#[ferrule_ffi::record]
pub struct Settings {
    /// The limit.
    pub limit: i64,
    /// What happens past it.
    pub mode: Mode,
    /// Whether zero counts.
    pub count_zero: bool,
    /// A nested record.
    pub range: Range,
    /// A float.
    pub ratio: f64,
}

/// Greets someone.
#[ferrule_ffi::expose]
pub fn greet(name: &str) -> String {
    format!("Hello, {name}!")
}

/// The FNV-1a checksum of some bytes.
#[ferrule_ffi::expose]
pub fn checksum(data: &[u8]) -> u32 {
    data.iter().fold(0x811c_9dc5_u32, |hash, byte| {
        (hash ^ u32::from(*byte)).wrapping_mul(0x0100_0193)
    })
}

/// The byte count, as a leaf call: short and callback-free, so Java may call it critically.
#[ferrule_ffi::expose(critical)]
pub fn length(data: &[u8]) -> u64 {
    data.len() as u64
}

/// Every scalar in, their sum out.
#[ferrule_ffi::expose]
#[allow(clippy::too_many_arguments)]
pub fn scalars(
    a: i8,
    b: i16,
    c: i32,
    d: i64,
    e: u8,
    f: u16,
    g: u32,
    h: u64,
    x: f32,
    y: f64,
    flag: bool,
) -> f64 {
    let sum = f64::from(a)
        + f64::from(b)
        + f64::from(c)
        + d as f64
        + f64::from(e)
        + f64::from(f)
        + f64::from(g)
        + h as f64;
    sum + f64::from(x) + y + if flag { 1000.0 } else { 0.0 }
}

/// Owned text and bytes in and out.
#[ferrule_ffi::expose]
pub fn reverse(text: String, bytes: Vec<u8>) -> Vec<u8> {
    let mut out: Vec<u8> = text.into_bytes();
    out.extend(bytes.iter().rev());
    out
}

/// Options of each kind.
#[ferrule_ffi::expose]
pub fn describe(
    number: Option<i64>,
    text: Option<&str>,
    mode: Option<Mode>,
    settings: Option<Settings>,
) -> Option<String> {
    if number.is_none() && text.is_none() && mode.is_none() && settings.is_none() {
        return None;
    }
    Some(format!(
        "{number:?} {text:?} {mode:?} {:?}",
        settings.map(|s| s.limit)
    ))
}

/// A record in, a record out.
#[ferrule_ffi::expose]
pub fn widen(settings: Settings) -> Settings {
    Settings {
        limit: settings.limit * 2,
        ..settings
    }
}

/// A fallible function with the crate's error.
#[ferrule_ffi::expose]
pub fn checked_double(value: i64) -> Result<i64, ShapeError> {
    value.checked_mul(2).ok_or(ShapeError::Overflow)
}

/// A closure that lives for the call.
#[ferrule_ffi::expose]
pub fn count_until(limit: i64, keep_going: impl FnMut(i64) -> bool) -> i64 {
    let mut keep_going = keep_going;
    let mut n = 0;
    while n < limit && keep_going(n) {
        n += 1;
    }
    n
}

/// A counter behind handles.
pub struct Counter {
    value: AtomicI64,
    log: Mutex<Vec<i64>>,
}

#[ferrule_ffi::expose]
impl Counter {
    /// A counter at `initial`.
    pub fn new(initial: i64) -> Self {
        Counter {
            value: AtomicI64::new(initial),
            log: Mutex::new(Vec::new()),
        }
    }

    /// A counter that fails to be made for a negative start.
    pub fn checked(initial: i64) -> Result<Self, ShapeError> {
        if initial < 0 {
            return Err(ShapeError::NegativeAmount);
        }
        Ok(Counter::new(initial))
    }

    /// Adds a non-negative amount.
    pub fn add(&self, amount: i64) -> Result<i64, ShapeError> {
        if amount < 0 {
            return Err(ShapeError::NegativeAmount);
        }
        self.log.lock().unwrap().push(amount);
        Ok(self.value.fetch_add(amount, Ordering::SeqCst) + amount)
    }

    /// Adds what another counter holds.
    pub fn absorb(&self, other: &Counter) -> i64 {
        let amount = other.value.load(Ordering::SeqCst);
        self.value.fetch_add(amount, Ordering::SeqCst) + amount
    }

    /// A new counter with this one's value, or none for zero.
    pub fn split(&self) -> Option<Counter> {
        let value = self.value.load(Ordering::SeqCst);
        (value != 0).then(|| Counter::new(value))
    }

    /// A label made by a static function.
    pub fn label(prefix: &str, other: Option<&Counter>) -> String {
        format!(
            "{prefix}:{}",
            other.map_or(-1, |c| c.value.load(Ordering::SeqCst))
        )
    }

    /// Each step, until the closure says stop.
    pub fn steps(
        &self,
        #[args(step)] mut each: impl FnMut(i64) -> bool,
    ) -> Result<(), ShapeError> {
        for step in 1..=self.value.load(Ordering::SeqCst) {
            if !each(step) {
                break;
            }
        }
        Ok(())
    }

    fn private_helper(&self) -> i64 {
        self.value.load(Ordering::SeqCst)
    }

    /// Uses the private helper, which is not exported.
    pub fn current(&self) -> i64 {
        self.private_helper()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ferrule_ffi::{FfiBuffer, RuntimeError};
    use std::mem::MaybeUninit;

    fn last_error() -> String {
        let mut buf = vec![0u8; shapes_last_error_length()];
        let n = unsafe { shapes_last_error_message(buf.as_mut_ptr(), buf.len()) };
        String::from_utf8(buf[..n].to_vec()).unwrap()
    }

    fn take(buffer: &mut FfiBuffer) -> Vec<u8> {
        let buffer = std::mem::replace(buffer, FfiBuffer::EMPTY);
        let bytes = if buffer.ptr.is_null() {
            Vec::new()
        } else {
            unsafe { std::slice::from_raw_parts(buffer.ptr, buffer.len) }.to_vec()
        };
        unsafe { shapes_buffer_free(buffer) };
        bytes
    }

    fn settings() -> Settings {
        Settings {
            limit: 10,
            mode: Mode::Saturate,
            count_zero: true,
            range: Range {
                low: -3,
                high: 65535,
            },
            ratio: 0.5,
        }
    }

    #[test]
    fn strings_cross_as_pointer_and_length() {
        let name = "Wörld";
        let mut out = FfiBuffer::EMPTY;
        assert_eq!(
            unsafe { shapes_greet(name.as_ptr(), name.len(), &mut out) },
            0
        );
        assert_eq!(String::from_utf8(take(&mut out)).unwrap(), "Hello, Wörld!");
        let bad = [0xffu8, 0xfe];
        assert_eq!(
            unsafe { shapes_greet(bad.as_ptr(), bad.len(), &mut out) },
            RuntimeError::InvalidUtf8.code()
        );
        assert!(
            last_error().contains("`name` is not valid UTF-8"),
            "{}",
            last_error()
        );
        assert_eq!(unsafe { shapes_greet(std::ptr::null(), 0, &mut out) }, 0);
        assert_eq!(String::from_utf8(take(&mut out)).unwrap(), "Hello, !");
        assert_eq!(
            unsafe { shapes_greet(std::ptr::null(), 3, &mut out) },
            RuntimeError::NullArgument.code()
        );
        assert_eq!(
            unsafe { shapes_greet(name.as_ptr(), name.len(), std::ptr::null_mut()) },
            RuntimeError::NullArgument.code()
        );
    }

    #[test]
    fn bytes_and_scalars_cross() {
        let mut hash = 0u32;
        assert_eq!(
            unsafe { shapes_checksum(std::ptr::null(), 0, &mut hash) },
            0
        );
        assert_eq!(hash, 0x811c_9dc5);
        let mut sum = 0f64;
        let status = unsafe {
            shapes_scalars(
                i8::MIN,
                i16::MAX,
                -1,
                2,
                u8::MAX,
                u16::MAX,
                u32::MAX,
                1,
                0.5,
                0.25,
                1,
                &mut sum,
            )
        };
        assert_eq!(status, 0);
        let expected =
            -128.0 + 32767.0 - 1.0 + 2.0 + 255.0 + 65535.0 + 4294967295.0 + 1.0 + 0.75 + 1000.0;
        assert_eq!(sum, expected);
        assert_eq!(
            unsafe { shapes_scalars(0, 0, 0, 0, 0, 0, 0, 0, 0.0, 0.0, 2, &mut sum) },
            RuntimeError::InvalidArgument.code()
        );
        assert!(
            last_error().contains("`flag` must be 0 or 1"),
            "{}",
            last_error()
        );
        let mut out = FfiBuffer::EMPTY;
        let (text, bytes) = ("ab", [1u8, 2, 3]);
        assert_eq!(
            unsafe {
                shapes_reverse(
                    text.as_ptr(),
                    text.len(),
                    bytes.as_ptr(),
                    bytes.len(),
                    &mut out,
                )
            },
            0
        );
        assert_eq!(take(&mut out), vec![b'a', b'b', 3, 2, 1]);
    }

    #[test]
    fn options_carry_a_presence_byte() {
        let mut present = true;
        let mut out = FfiBuffer::EMPTY;
        let none = MaybeUninit::<Settings>::uninit();
        let status = unsafe {
            shapes_describe(
                0,
                0,
                0,
                std::ptr::null(),
                0,
                0,
                0,
                0,
                none,
                &mut present,
                &mut out,
            )
        };
        assert_eq!(status, 0);
        assert!(!present);
        let text = "hi";
        let status = unsafe {
            shapes_describe(
                1,
                42,
                1,
                text.as_ptr(),
                text.len(),
                1,
                5,
                1,
                MaybeUninit::new(settings()),
                &mut present,
                &mut out,
            )
        };
        assert_eq!(status, 0, "{}", last_error());
        assert!(present);
        assert_eq!(
            String::from_utf8(take(&mut out)).unwrap(),
            "Some(42) Some(\"hi\") Some(Saturate) Some(10)"
        );
        let status = unsafe {
            shapes_describe(
                2,
                0,
                0,
                std::ptr::null(),
                0,
                0,
                0,
                0,
                none,
                &mut present,
                &mut out,
            )
        };
        assert_eq!(status, RuntimeError::InvalidArgument.code());
        let status = unsafe {
            shapes_describe(
                0,
                0,
                0,
                std::ptr::null(),
                0,
                1,
                3,
                0,
                none,
                &mut present,
                &mut out,
            )
        };
        assert_eq!(status, RuntimeError::InvalidArgument.code());
        assert!(
            last_error().contains("3 is not a value of Mode"),
            "{}",
            last_error()
        );
    }

    #[test]
    fn records_are_checked_field_by_field() {
        let mut out = MaybeUninit::<Settings>::uninit();
        assert_eq!(
            unsafe { shapes_widen(MaybeUninit::new(settings()), out.as_mut_ptr()) },
            0
        );
        assert_eq!(unsafe { out.assume_init() }.limit, 20);
        let mut raw = MaybeUninit::new(settings());
        unsafe {
            raw.as_mut_ptr()
                .cast::<u8>()
                .add(std::mem::offset_of!(Settings, count_zero))
                .write(7)
        };
        assert_eq!(
            unsafe { shapes_widen(raw, out.as_mut_ptr()) },
            RuntimeError::InvalidArgument.code()
        );
        assert!(
            last_error().contains("`settings` must be 0 or 1"),
            "{}",
            last_error()
        );
        let mut raw = MaybeUninit::new(settings());
        unsafe {
            raw.as_mut_ptr()
                .cast::<u8>()
                .add(std::mem::offset_of!(Settings, mode))
                .cast::<i32>()
                .write(99)
        };
        assert_eq!(
            unsafe { shapes_widen(raw, out.as_mut_ptr()) },
            RuntimeError::InvalidArgument.code()
        );
        assert!(
            last_error().contains("99 is not a value of Mode"),
            "{}",
            last_error()
        );
    }

    #[test]
    fn errors_are_positive_codes_with_their_messages() {
        let mut out = 0i64;
        assert_eq!(unsafe { shapes_checked_double(21, &mut out) }, 0);
        assert_eq!(out, 42);
        assert_eq!(unsafe { shapes_checked_double(i64::MAX, &mut out) }, 1);
        assert_eq!(last_error(), "the counter would overflow");
        assert_eq!(ShapeError::NegativeAmount.to_string(), "negative amount");
        assert_eq!(ShapeError::NegativeAmount as i32, 7);
    }

    extern "C" fn below_three(value: i64, user_data: usize) -> bool {
        assert_eq!(user_data, 77);
        value < 3
    }

    #[test]
    fn closures_run_through_the_callback_and_its_user_data() {
        let mut out = 0i64;
        assert_eq!(
            unsafe { shapes_count_until(10, Some(below_three), 77, &mut out) },
            0
        );
        assert_eq!(out, 3);
        assert_eq!(
            unsafe { shapes_count_until(10, None, 77, &mut out) },
            RuntimeError::NullArgument.code()
        );
    }

    #[test]
    fn objects_live_behind_handles() {
        let mut counter = 0u64;
        assert_eq!(unsafe { shapes_counter_new(5, &mut counter) }, 0);
        let mut value = 0i64;
        assert_eq!(unsafe { shapes_counter_add(counter, 3, &mut value) }, 0);
        assert_eq!(value, 8);
        assert_eq!(unsafe { shapes_counter_add(counter, -1, &mut value) }, 7);
        let mut failed = 0u64;
        assert_eq!(unsafe { shapes_counter_checked(-1, &mut failed) }, 7);
        let mut other = 0u64;
        assert_eq!(unsafe { shapes_counter_clone(counter, &mut other) }, 0);
        assert_eq!(
            unsafe { shapes_counter_absorb(counter, other, &mut value) },
            0
        );
        assert_eq!(value, 16);
        let (mut present, mut split) = (false, 0u64);
        assert_eq!(
            unsafe { shapes_counter_split(counter, &mut present, &mut split) },
            0
        );
        assert!(present);
        let mut label = FfiBuffer::EMPTY;
        let prefix = "n";
        assert_eq!(
            unsafe { shapes_counter_label(prefix.as_ptr(), prefix.len(), split, &mut label) },
            0
        );
        assert_eq!(String::from_utf8(take(&mut label)).unwrap(), "n:16");
        assert_eq!(
            unsafe { shapes_counter_label(prefix.as_ptr(), prefix.len(), 0, &mut label) },
            0
        );
        assert_eq!(String::from_utf8(take(&mut label)).unwrap(), "n:-1");
        assert_eq!(unsafe { shapes_counter_current(split, &mut value) }, 0);
        assert_eq!(value, 16);
        assert_eq!(shapes_counter_release(split), 0);
        assert_eq!(shapes_counter_release(other), 0);
        assert_eq!(shapes_counter_release(counter), 0);
        assert_eq!(
            shapes_counter_release(counter),
            RuntimeError::StaleHandle.code()
        );
        assert_eq!(
            unsafe { shapes_counter_add(counter, 1, &mut value) },
            RuntimeError::StaleHandle.code()
        );
    }
}
