//! The C ABI the attributes generate, called the way a host calls it: raw pointers, statuses,
//! handles. The crate itself has no `unsafe`; the host's side of the boundary does.

use ferrule_ffi::{FfiBuffer, RuntimeError};
use std::mem::MaybeUninit;
use std::sync::atomic::{AtomicI64, Ordering};
use template::*;

fn last_error() -> String {
    let mut buf = vec![0u8; template_last_error_length()];
    let n = unsafe { template_last_error_message(buf.as_mut_ptr(), buf.len()) };
    String::from_utf8(buf[..n].to_vec()).unwrap()
}

fn new_counter(initial: i64) -> u64 {
    let mut handle = 0;
    assert_eq!(unsafe { template_counter_new(initial, &mut handle) }, 0);
    handle
}

fn take(buffer: FfiBuffer) -> String {
    let text = if buffer.ptr.is_null() {
        String::new()
    } else {
        String::from_utf8(unsafe { std::slice::from_raw_parts(buffer.ptr, buffer.len) }.to_vec())
            .unwrap()
    };
    unsafe { template_buffer_free(buffer) };
    text
}

fn greet_raw(bytes: &[u8]) -> (i32, FfiBuffer) {
    let mut out = FfiBuffer::EMPTY;
    let status = unsafe { template_greet(bytes.as_ptr(), bytes.len(), &mut out) };
    (status, out)
}

#[test]
fn counter_adds_and_reports_stats() {
    let counter = new_counter(10);
    let mut value = 0;
    assert_eq!(unsafe { template_counter_add(counter, 5, &mut value) }, 0);
    assert_eq!(value, 15);
    let mut stats = MaybeUninit::<CounterStats>::uninit();
    assert_eq!(
        unsafe { template_counter_stats(counter, stats.as_mut_ptr()) },
        0
    );
    assert_eq!(
        unsafe { stats.assume_init() },
        CounterStats {
            value: 15,
            additions: 1
        }
    );
    assert_eq!(template_counter_release(counter), 0);
}

#[test]
fn crate_errors_are_positive_codes_with_messages() {
    let counter = new_counter(i64::MAX - 1);
    let mut value = 0;
    assert_eq!(
        unsafe { template_counter_add(counter, 5, &mut value) },
        TemplateError::Overflow as i32
    );
    assert_eq!(last_error(), "the counter would overflow");
    assert_eq!(
        unsafe { template_counter_add(counter, -1, &mut value) },
        TemplateError::NegativeAmount as i32
    );
    assert_eq!(template_counter_release(counter), 0);
}

#[test]
fn panic_in_an_export_is_a_status_not_an_unwind() {
    assert_eq!(unsafe { template_panic_if(1) }, RuntimeError::Panic.code());
    assert_eq!(last_error(), "panic: asked to panic");
    assert_eq!(unsafe { template_panic_if(0) }, 0);
    assert_eq!(
        unsafe { template_panic_if(2) },
        RuntimeError::InvalidArgument.code()
    );
}

#[test]
fn cloned_handle_outlives_the_original() {
    let counter = new_counter(3);
    let mut clone = 0;
    assert_eq!(unsafe { template_counter_clone(counter, &mut clone) }, 0);
    assert_eq!(template_counter_release(counter), 0);
    let mut value = 0;
    assert_eq!(unsafe { template_counter_add(clone, 1, &mut value) }, 0);
    assert_eq!(value, 4);
    assert_eq!(template_counter_release(clone), 0);
}

#[test]
fn strings_cross_as_pointer_and_length_with_utf8_checks() {
    let (status, out) = greet_raw("Zoë".as_bytes());
    assert_eq!(status, 0);
    assert_eq!(take(out), "Hello, Zoë!");
    let mut out = FfiBuffer::EMPTY;
    assert_eq!(unsafe { template_greet(std::ptr::null(), 0, &mut out) }, 0);
    assert_eq!(take(out), "Hello, stranger!");
    let (status, _) = greet_raw(&[b'a', 0xC3]);
    assert_eq!(status, RuntimeError::InvalidUtf8.code());
    assert!(last_error().contains("not valid UTF-8"));
}

#[test]
fn bytes_accept_zero_length_and_large_inputs() {
    let mut hash = 0;
    assert_eq!(
        unsafe { template_checksum(std::ptr::null(), 0, &mut hash) },
        0
    );
    assert_eq!(hash, 0x811c_9dc5);
    let big = vec![0xAB_u8; 64 << 20];
    assert_eq!(
        unsafe { template_checksum(big.as_ptr(), big.len(), &mut hash) },
        0
    );
    assert_ne!(hash, 0x811c_9dc5);
    assert_eq!(
        unsafe { template_checksum(std::ptr::null(), 1, &mut hash) },
        RuntimeError::NullArgument.code()
    );
}

extern "C" fn sum_steps(step: i64, user_data: usize) -> bool {
    let total = unsafe { &*(user_data as *const AtomicI64) };
    total.fetch_add(step, Ordering::SeqCst);
    step != 3
}

#[test]
fn closure_crosses_as_a_function_and_user_data() {
    let counter = new_counter(5);
    let total = AtomicI64::new(0);
    let status =
        unsafe { template_counter_steps(counter, Some(sum_steps), &total as *const _ as usize) };
    assert_eq!(status, TemplateError::Stopped as i32);
    assert_eq!(total.load(Ordering::SeqCst), 6);
    assert_eq!(
        unsafe { template_counter_steps(counter, None, 0) },
        RuntimeError::NullArgument.code()
    );
    assert_eq!(template_counter_release(counter), 0);
}

#[test]
fn last_error_truncates_on_a_char_boundary() {
    let _ = greet_raw(&[0xFF]);
    let full = template_last_error_length();
    let mut small = vec![0u8; 5];
    let n = unsafe { template_last_error_message(small.as_mut_ptr(), small.len()) };
    assert!(n <= 5 && n < full);
    assert!(std::str::from_utf8(&small[..n]).is_ok());
}

#[test]
fn build_info_names_crate_features_and_profile() {
    let mut out = FfiBuffer::EMPTY;
    assert_eq!(unsafe { template_build_info(&mut out) }, 0);
    let json = take(out);
    assert!(json.starts_with("{\"crate\":\"template\",\"version\":\"0.1.0\",\"features\":["));
    assert!(json.contains("\"profile\":\"debug\"") || json.contains("\"profile\":\"release\""));
}

/// A record's bytes as the host lays them out: `limit`, `mode` as i32, `count_zero` as a byte.
fn settings_bytes(limit: i64, mode: i32, count_zero: u8) -> MaybeUninit<CounterSettings> {
    let mut raw = MaybeUninit::<CounterSettings>::zeroed();
    let base = raw.as_mut_ptr().cast::<u8>();
    unsafe {
        base.cast::<i64>().write(limit);
        base.add(8).cast::<i32>().write(mode);
        base.add(12).write(count_zero);
    }
    raw
}

#[test]
fn records_cross_by_value_and_are_checked_field_by_field() {
    let counter = new_counter(5);
    let saturate = settings_bytes(8, OverflowMode::Saturate as i32, 1);
    assert_eq!(unsafe { template_counter_configure(counter, saturate) }, 0);
    let mut value = 0;
    assert_eq!(unsafe { template_counter_add(counter, 10, &mut value) }, 0);
    assert_eq!(value, 8);
    let mut read = MaybeUninit::<CounterSettings>::uninit();
    assert_eq!(
        unsafe { template_counter_settings(counter, read.as_mut_ptr()) },
        0
    );
    assert_eq!(
        unsafe { read.assume_init() },
        CounterSettings {
            limit: 8,
            mode: OverflowMode::Saturate,
            count_zero: true
        }
    );

    let unknown_mode = settings_bytes(8, 7, 0);
    assert_eq!(
        unsafe { template_counter_configure(counter, unknown_mode) },
        RuntimeError::InvalidArgument.code()
    );
    let bad_flag = settings_bytes(8, OverflowMode::Fail as i32, 2);
    assert_eq!(
        unsafe { template_counter_configure(counter, bad_flag) },
        RuntimeError::InvalidArgument.code()
    );
    assert_eq!(template_counter_release(counter), 0);
}

#[test]
fn settings_are_described_field_by_field() {
    let mut out = FfiBuffer::EMPTY;
    let settings = settings_bytes(-3, OverflowMode::Saturate as i32, 1);
    assert_eq!(unsafe { template_settings_describe(settings, &mut out) }, 0);
    assert_eq!(take(out), "limit=-3 mode=Saturate count_zero=true");
}
