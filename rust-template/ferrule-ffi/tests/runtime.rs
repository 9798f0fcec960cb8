//! The runtime pieces on their own: the guard, last error, buffers, secrets, logging, and the
//! handle behaviour that holds in every build (in-flight calls keep objects alive).

use ferrule_ffi::{
    export, last_error, live, memory, FfiBuffer, FfiError, Registry, RuntimeError, Secret,
};
use std::sync::Arc;

#[derive(Debug)]
struct Apple(u32);

static APPLES: Registry<Apple> = Registry::new("Apple");

#[test]
fn call_in_flight_keeps_object_alive_after_release() {
    let handle = APPLES.insert(Apple(9));
    let in_flight: Arc<Apple> = APPLES.get(handle).unwrap();
    APPLES.remove(handle).unwrap();
    assert_eq!(in_flight.0, 9);
}

#[test]
fn last_error_is_bounded_and_cut_at_char_boundaries() {
    last_error::set(&"é".repeat(1000));
    assert!(last_error::len() <= last_error::MAX_MESSAGE_BYTES);
    assert!(last_error::get().chars().all(|c| c == 'é'));

    last_error::set("añb");
    let mut buf = [0u8; 2];
    let written = unsafe { last_error::copy_to(buf.as_mut_ptr(), buf.len()) };
    assert_eq!(written, 1, "cut before the two-byte 'ñ'");
    assert_eq!(&buf[..written], b"a");
    assert_eq!(last_error::len(), 4);
    assert_eq!(unsafe { last_error::copy_to(std::ptr::null_mut(), 10) }, 0);
}

export! {
    fn test_panics() {
        panic!("boom {}", 42);
    }

    fn test_needs(out: *mut u32) non_null(out) {
        unsafe { memory::write_out(out, 1) }
    }

    fn test_fails() {
        Err(FfiError::runtime(RuntimeError::Closed, "the thing is closed"))
    }
}

#[test]
fn panic_becomes_status_with_bounded_message() {
    assert_eq!(unsafe { test_panics() }, RuntimeError::Panic.code());
    assert_eq!(last_error::get(), "panic: boom 42");
}

#[test]
fn null_argument_is_rejected_before_the_body() {
    assert_eq!(
        unsafe { test_needs(std::ptr::null_mut()) },
        RuntimeError::NullArgument.code()
    );
    assert_eq!(last_error::get(), "argument `out` must not be null");
    let mut out = 0;
    assert_eq!(unsafe { test_needs(&mut out) }, 0);
    assert_eq!(last_error::len(), 0, "success clears the last error");
}

#[test]
fn errors_map_to_their_codes() {
    assert_eq!(unsafe { test_fails() }, RuntimeError::Closed.code());
    assert_eq!(last_error::get(), "the thing is closed");
}

#[test]
fn inputs_accept_zero_length_with_any_pointer_and_reject_bad_utf8() {
    assert_eq!(
        unsafe { memory::input_bytes(std::ptr::null(), 0, "x") }.unwrap(),
        b""
    );
    let dangling = std::ptr::NonNull::<u8>::dangling().as_ptr();
    assert_eq!(unsafe { memory::input_str(dangling, 0, "x") }.unwrap(), "");
    assert_eq!(
        unsafe { memory::input_bytes(std::ptr::null(), 3, "x") }
            .unwrap_err()
            .code(),
        RuntimeError::NullArgument.code()
    );
    let bad = [0x66, 0xff, 0x66];
    let error = unsafe { memory::input_str(bad.as_ptr(), bad.len(), "name") }.unwrap_err();
    assert_eq!(error.code(), RuntimeError::InvalidUtf8.code());
    assert_eq!(
        error.message(),
        "argument `name` is not valid UTF-8 (at byte 1)"
    );
    let huge = unsafe { memory::input_bytes(dangling, usize::MAX, "x") }.unwrap_err();
    assert_eq!(huge.code(), RuntimeError::InvalidArgument.code());
}

#[test]
fn buffers_are_counted_until_released() {
    let before = memory::live_buffers();
    let buffer = FfiBuffer::from_string("hello".to_owned());
    assert_eq!(memory::live_buffers(), before + 1);
    assert!(live::report().contains("buffer "));
    unsafe { FfiBuffer::release(buffer) };
    assert_eq!(memory::live_buffers(), before);
    unsafe { FfiBuffer::release(FfiBuffer::EMPTY) };
    assert_eq!(memory::live_buffers(), before);
}

#[test]
fn secret_is_wiped() {
    let mut secret = Secret::from_slice(b"hunter2");
    assert_eq!(secret.expose(|bytes| bytes.len()), 7);
    secret.wipe();
    assert!(secret.expose(|bytes| bytes.iter().all(|b| *b == 0)));
}

#[test]
fn logging_without_callback_does_nothing_and_with_one_delivers_records() {
    use std::sync::Mutex;
    static SEEN: Mutex<Vec<(i32, String, String)>> = Mutex::new(Vec::new());
    extern "C" fn record(
        level: i32,
        target: *const u8,
        target_len: usize,
        message: *const u8,
        message_len: usize,
        _user: usize,
    ) {
        let target = unsafe { std::slice::from_raw_parts(target, target_len) };
        let message = unsafe { std::slice::from_raw_parts(message, message_len) };
        SEEN.lock().unwrap().push((
            level,
            String::from_utf8_lossy(target).into_owned(),
            String::from_utf8_lossy(message).into_owned(),
        ));
    }
    ferrule_ffi::ffi_log!(ferrule_ffi::Level::Info, "test", "before {}", 1);
    assert!(SEEN.lock().unwrap().is_empty());

    ferrule_ffi::logging::set_callback(Some(record), 0);
    let untrusted = "{} %s {:?}";
    ferrule_ffi::ffi_log!(ferrule_ffi::Level::Warn, "test", "name={}", untrusted);
    ferrule_ffi::logging::set_callback(None, 0);

    assert_eq!(
        SEEN.lock().unwrap().as_slice(),
        &[(3, "test".to_owned(), "name={} %s {:?}".to_owned())]
    );
}

#[test]
fn build_info_is_json_and_flags_unsafe_features() {
    let json =
        ferrule_ffi::identity::build_info_json("demo", "1.0.0", Some("b,a"), Some("release"), None);
    assert_eq!(
        json,
        "{\"crate\":\"demo\",\"version\":\"1.0.0\",\"features\":[\"b\",\"a\"],\"profile\":\"release\",\"abiFingerprint\":\"unset\"}"
    );
    assert!(ferrule_ffi::identity::has_unsafe_feature(Some(
        "default,unsafe-raw-handles"
    )));
    assert!(!ferrule_ffi::identity::has_unsafe_feature(Some("default")));
}
