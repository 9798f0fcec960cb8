//! The C ABI the attributes generate, called as a host calls it: the crate itself forbids
//! `unsafe`; the host's side of the boundary cannot.

use ferrule_ffi::RuntimeError;
use hello::*;

#[test]
fn null_text_with_a_length_is_rejected_at_the_boundary() {
    let mut out = 0;
    let status = unsafe { hello_count_vowels(std::ptr::null(), 3, &mut out) };
    assert_eq!(status, RuntimeError::NullArgument.code());
}

#[test]
fn overflow_is_the_crates_error_code() {
    let mut out = 0;
    assert_eq!(unsafe { hello_add(i32::MAX, 1, &mut out) }, 1);
    assert_eq!(unsafe { hello_add(40, 2, &mut out) }, 0);
    assert_eq!(out, 42);
}
