//! How not to write a boundary. Each item is here to trip one audit rule.
#![allow(improper_ctypes_definitions, clippy::missing_safety_doc)]

extern crate audit_exporting;

use std::ffi::{c_char, CStr};
use std::panic::catch_unwind;

fn set_last_error(message: String) {
    eprintln!("{message}");
}

/// EXPORT_UNGUARDED: a panic here unwinds into the JVM.
#[no_mangle]
pub extern "C" fn bad_unguarded(value: i32) -> i32 {
    value.checked_mul(2).expect("overflow")
}

/// C_UNWIND_EXPORT.
#[no_mangle]
pub extern "C-unwind" fn bad_unwinds() -> i32 {
    catch_unwind(|| 0).unwrap_or(-1)
}

/// RUST_ABI_EXPORT.
#[no_mangle]
pub fn bad_rust_abi() -> i32 {
    catch_unwind(|| 0).unwrap_or(-1)
}

/// FFI_UNSAFE_TYPE.
#[no_mangle]
pub extern "C" fn bad_takes_string(text: String) -> i32 {
    catch_unwind(|| text.len() as i32).unwrap_or(-1)
}

/// Laid out however the compiler likes.
pub struct Loose {
    /// A field.
    pub a: i32,
    /// Another.
    pub b: i8,
}

/// STRUCT_BY_VALUE_NOT_REPR_C.
#[no_mangle]
pub extern "C" fn bad_loose(value: Loose) -> i32 {
    catch_unwind(|| value.a + i32::from(value.b)).unwrap_or(-1)
}

/// RAW_POINTER_UNCHECKED.
#[no_mangle]
pub unsafe extern "C" fn bad_peek(value: *const i32) -> i32 {
    catch_unwind(|| unsafe { *value }).unwrap_or(-1)
}

/// Allocated and never released.
pub struct Leaky {
    _bytes: Vec<u8>,
}

/// OWNED_RESULT_WITHOUT_RELEASE.
#[no_mangle]
pub extern "C" fn bad_leaky_new() -> Option<Box<Leaky>> {
    catch_unwind(|| Box::new(Leaky { _bytes: vec![0; 16] })).ok()
}

/// MUTABLE_STATIC_EXPORT.
#[no_mangle]
pub static mut BAD_LEVEL: i32 = 0;

#[no_mangle]
pub extern "C" fn bad_undocumented() -> i32 {
    catch_unwind(|| 0).unwrap_or(-1)
}

/// PANIC_IN_EXPORT.
#[no_mangle]
pub extern "C" fn bad_parse() -> i32 {
    catch_unwind(|| "7".parse::<i32>().unwrap()).unwrap_or(-1)
}

/// NUL_TERMINATED_STRING.
#[no_mangle]
pub unsafe extern "C" fn bad_c_len(text: *const c_char) -> i32 {
    catch_unwind(|| {
        if text.is_null() {
            return -2;
        }
        unsafe { CStr::from_ptr(text) }.to_bytes().len() as i32
    })
    .unwrap_or(-1)
}

/// FORMATTED_ERROR_MESSAGE.
#[no_mangle]
pub extern "C" fn bad_reject(code: i32) -> i32 {
    catch_unwind(|| {
        set_last_error(format!("rejected code {code}"));
        1
    })
    .unwrap_or(-1)
}

/// SECRET_NOT_ZEROIZED.
#[no_mangle]
pub unsafe extern "C" fn bad_login(key: *const u8, len: usize) -> i32 {
    catch_unwind(|| {
        if key.is_null() {
            return -2;
        }
        let api_key = unsafe { std::slice::from_raw_parts(key, len) }.to_vec();
        api_key.len() as i32
    })
    .unwrap_or(-1)
}

/// CLIPPY_FFI_LINT: a safe function that dereferences a pointer it is given.
pub fn bad_deref(value: *const i32) -> i32 {
    unsafe { *value }
}

/// SUPPRESSION_WITHOUT_REASON: the marker below gives none, so EXPORT_UNGUARDED still fires.
// ferrule-audit: allow(EXPORT_UNGUARDED)
#[no_mangle]
pub extern "C" fn bad_suppressed_without_reason() -> i32 {
    0
}

/// UNUSED_SUPPRESSION: nothing here panics.
// ferrule-audit: allow(PANIC_IN_EXPORT) kept after a refactoring removed the unwrap
#[no_mangle]
pub extern "C" fn bad_stale_suppression() -> i32 {
    catch_unwind(|| 0).unwrap_or(-1)
}

/// Uses the crates linked twice and the one from outside, so they are really linked.
pub fn versions() -> u32 {
    dup_one::VERSION + dup_two::VERSION + audit_outside::ANSWER + audit_git::ANSWER
}

/// The guard of regex-capi's `ffi_fn!`: it catches the panic, then takes the JVM down with it.
macro_rules! abort_on_panic {
    ($(#[$attr:meta])* fn $name:ident() -> i32 $body:block) => {
        $(#[$attr])*
        #[no_mangle]
        pub extern "C" fn $name() -> i32 {
            match catch_unwind(|| $body) {
                Ok(value) => value,
                Err(_) => std::process::abort(),
            }
        }
    };
}

abort_on_panic! {
    /// Aborts the process if it panics.
    fn bad_aborts() -> i32 {
        0
    }
}
