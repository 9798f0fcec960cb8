//! A small boundary written the careful way without ferrule-ffi: every export runs in
//! `catch_unwind`, returns a status, checks its pointers and releases what it allocates.
#![deny(unsafe_op_in_unsafe_fn)]

use std::cell::RefCell;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Success.
pub const OK: i32 = 0;
/// A required pointer was null.
pub const NULL_ARGUMENT: i32 = 1;
/// The text is not UTF-8.
pub const INVALID_UTF8: i32 = 2;
/// The export panicked.
pub const PANIC: i32 = -1;

thread_local! {
    static LAST_ERROR: RefCell<String> = const { RefCell::new(String::new()) };
}

fn set_last_error(message: String) {
    LAST_ERROR.with(|last| *last.borrow_mut() = message);
}

/// Runs an export's body; a panic becomes [`PANIC`].
fn guard(body: impl FnOnce() -> i32) -> i32 {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or(PANIC)
}

/// A point, passed by value.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Point {
    /// Across.
    pub x: i32,
    /// Down.
    pub y: i32,
}

/// A counter owned by the caller between `audit_counter_new` and `audit_counter_free`.
pub struct Counter {
    value: i64,
}

/// Writes the length in bytes of the UTF-8 text at (`text`, `len`) to `out`.
/// Errors: NULL_ARGUMENT, INVALID_UTF8.
///
/// # Safety
/// `text` must be readable for `len` bytes and `out` writable.
#[no_mangle]
pub unsafe extern "C" fn audit_text_len(text: *const u8, len: usize, out: *mut usize) -> i32 {
    guard(|| {
        if text.is_null() || out.is_null() {
            set_last_error("text and out must not be null".to_owned());
            return NULL_ARGUMENT;
        }
        // SAFETY: checked for null above; the caller guarantees the length.
        let bytes = unsafe { std::slice::from_raw_parts(text, len) };
        match std::str::from_utf8(bytes) {
            Ok(text) => {
                // SAFETY: checked for null above.
                unsafe { out.write(text.len()) };
                OK
            }
            Err(_) => {
                set_last_error("text is not UTF-8".to_owned());
                INVALID_UTF8
            }
        }
    })
}

/// Writes `point.x + point.y` to `out`. Errors: NULL_ARGUMENT.
///
/// # Safety
/// `out` must be writable.
#[no_mangle]
pub unsafe extern "C" fn audit_point_sum(point: Point, out: *mut i64) -> i32 {
    guard(|| {
        if out.is_null() {
            return NULL_ARGUMENT;
        }
        // SAFETY: checked for null above.
        unsafe { out.write(i64::from(point.x) + i64::from(point.y)) };
        OK
    })
}

/// Creates a counter; the caller releases it with `audit_counter_free`. Null if it panicked.
#[no_mangle]
pub extern "C" fn audit_counter_new(initial: i64) -> Option<Box<Counter>> {
    catch_unwind(|| Box::new(Counter { value: initial })).ok()
}

/// The counter's value, or 0 for null.
#[no_mangle]
pub extern "C" fn audit_counter_value(counter: Option<&Counter>) -> i64 {
    catch_unwind(AssertUnwindSafe(|| counter.map_or(0, |c| c.value))).unwrap_or(0)
}

/// Releases a counter; null is ignored.
#[no_mangle]
pub extern "C" fn audit_counter_free(counter: Option<Box<Counter>>) {
    let _ = catch_unwind(AssertUnwindSafe(move || drop(counter)));
}
