//! A panic in a guarded export prints nothing: its text goes to the last error and to the host's
//! log callback. Each case runs this test binary again as a child process, so that its stderr
//! (where Rust's default hook writes) can be read.

use ferrule_ffi::{guard, logging, FfiError};
use std::process::Command;

const CHILD: &str = "FERRULE_PANIC_TEST_CHILD";

extern "C" fn print_record(
    level: i32,
    target: *const u8,
    target_len: usize,
    message: *const u8,
    message_len: usize,
    _user_data: usize,
) {
    // SAFETY: the library passes valid UTF-8 (pointer, length) pairs for the call.
    let (target, message) = unsafe {
        (
            std::str::from_utf8_unchecked(std::slice::from_raw_parts(target, target_len)),
            std::str::from_utf8_unchecked(std::slice::from_raw_parts(message, message_len)),
        )
    };
    println!("RECORD {level} {target} {message}");
}

/// In the child: a guarded body that panics, with a log callback installed.
fn panic_in_a_guard() {
    logging::set_callback(Some(print_record), 0);
    let status = guard(|| -> Result<(), FfiError> { panic!("the secret is 42") });
    println!("STATUS {status} {}", ferrule_ffi::last_error::get());
}

fn run_child(test: &str, stderr_env: Option<&str>) -> (String, String) {
    let mut command = Command::new(std::env::current_exe().unwrap());
    command
        .args(["--exact", test, "--nocapture", "--test-threads=1"])
        .env(CHILD, "1");
    command.env("RUST_BACKTRACE", "full");
    match stderr_env {
        Some(value) => command.env(ferrule_ffi::guard::PANIC_STDERR_ENV, value),
        None => command.env_remove(ferrule_ffi::guard::PANIC_STDERR_ENV),
    };
    let output = command.output().unwrap();
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_guarded_panic_prints_nothing_and_reaches_the_log_callback() {
    if std::env::var(CHILD).is_ok() {
        panic_in_a_guard();
        return;
    }
    let (stdout, stderr) = run_child(
        "a_guarded_panic_prints_nothing_and_reaches_the_log_callback",
        None,
    );
    assert!(
        stdout.contains("STATUS -1 panic: the secret is 42"),
        "{stdout}"
    );
    assert!(
        stdout.contains("RECORD 4 panic panic at ")
            && stdout.contains("panic_output.rs:")
            && stdout.contains(": the secret is 42"),
        "{stdout}"
    );
    assert!(!stderr.contains("the secret is 42"), "stderr: {stderr}");
    assert!(!stderr.contains("stack backtrace"), "stderr: {stderr}");
}

#[test]
fn the_host_can_ask_for_the_default_output() {
    if std::env::var(CHILD).is_ok() {
        panic_in_a_guard();
        return;
    }
    let (_, stderr) = run_child("the_host_can_ask_for_the_default_output", Some("1"));
    assert!(stderr.contains("the secret is 42"), "stderr: {stderr}");
}
