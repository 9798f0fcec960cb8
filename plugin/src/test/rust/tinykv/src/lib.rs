//! tinykv: the C API of a tiny in-memory key-value store.
//!
//! Written the way published `*-capi` crates are, with `libc`'s C type names, `pub use`
//! re-exports, an `ffi_fn!` export macro that turns panics into status codes, C strings in and
//! out, flag constants and nullable callbacks. It is a test fixture for Ferrule, which must read
//! it the way its C header reads; nothing in it knows about Ferrule.
#![allow(non_camel_case_types, clippy::missing_safety_doc)]

#[macro_use]
mod macros;
mod error;
mod flags;
mod store;
mod types;

pub use crate::error::{TINYKV_ERR_BUFFER, TINYKV_ERR_FULL, TINYKV_ERR_NOT_FOUND, TINYKV_ERR_NULL};
pub use crate::error::{TINYKV_ERR_PANIC, TINYKV_ERR_SYNTAX, TINYKV_ERR_UTF8, TINYKV_OK};
pub use crate::flags::*;
pub use crate::store::{tinykv_error, tinykv_iter, tinykv_store};
pub use crate::types::*;

use libc::{c_char, c_int};

/// The version this header describes, for Rust callers; C reads `tinykv_version()`.
pub const TINYKV_VERSION_STRING: &str = "0.2.0";

const VERSION: &[u8] = b"0.2.0\0";

ffi_fn! {
    /// The library version as a static NUL-terminated string; do not free it.
    fn tinykv_version() -> *const c_char {
        VERSION.as_ptr().cast()
    }
}

ffi_fn! {
    /// Fills in `*out` with the library version.
    fn tinykv_version_info(out: Option<&mut tinykv_version>) -> c_int {
        let Some(out) = out else {
            return error::fail(TINYKV_ERR_NULL, "out is null");
        };
        let mut tag = [0 as c_char; 16];
        for (slot, byte) in tag.iter_mut().zip(b"capi") {
            *slot = *byte as c_char;
        }
        *out = tinykv_version { major: 0, minor: 2, patch: 0, tag };
        TINYKV_OK
    }
}

ffi_fn! {
    /// FNV-1a hash of `len` bytes at `data`, as the store hashes keys.
    fn tinykv_hash(data: *const u8, len: libc::size_t) -> u64 {
        if data.is_null() {
            return 0;
        }
        // SAFETY: the caller passes `len` readable bytes at `data`.
        let bytes = unsafe { std::slice::from_raw_parts(data, len) };
        bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(*byte)).wrapping_mul(0x100_0000_01b3))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::*;
    use std::ffi::CStr;
    use std::ptr::NonNull;

    #[test]
    fn put_then_get_round_trips() {
        unsafe {
            let store = tinykv_store_new(4, TINYKV_OPEN_OVERWRITE);
            let handle = NonNull::new(store).unwrap();
            assert_eq!(
                tinykv_store_put(
                    handle,
                    b"k".as_ptr(),
                    1,
                    b"value".as_ptr(),
                    5,
                    tinykv_ttl(0)
                ),
                TINYKV_OK
            );
            let mut buf = [0u8; 8];
            assert_eq!(
                tinykv_store_get(
                    store.as_mut(),
                    b"k".as_ptr(),
                    1,
                    buf.as_mut_ptr(),
                    buf.len()
                ),
                5
            );
            assert_eq!(&buf[..5], b"value");
            assert_eq!(tinykv_store_len(store.as_ref()), 1);
            tinykv_store_free(store);
        }
    }

    #[test]
    fn an_iterator_walks_the_keys_in_order() {
        unsafe {
            let store = tinykv_store_new(4, 0);
            for key in [b"b", b"a"] {
                tinykv_store_put(
                    NonNull::new(store).unwrap(),
                    key.as_ptr(),
                    1,
                    b"v".as_ptr(),
                    1,
                    tinykv_ttl(0),
                );
            }
            let iter = tinykv_store_iter(store);
            let (mut key, mut len) = (std::ptr::null(), 0);
            let mut keys = Vec::new();
            while tinykv_iter_next(iter, &mut key, &mut len) {
                keys.push(std::slice::from_raw_parts(key, len).to_vec());
            }
            assert_eq!(keys, [b"a".to_vec(), b"b".to_vec()]);
            tinykv_iter_free(iter);
            tinykv_store_free(store);
        }
    }

    #[test]
    fn a_failed_import_writes_an_error_object() {
        unsafe {
            let store = tinykv_store_new(4, 0);
            let mut error = std::ptr::null_mut();
            assert!(tinykv_store_load(store, c"a=1\nb=2".as_ptr(), &mut error));
            assert!(error.is_null());
            assert!(!tinykv_store_load(store, c"c=3\nbad".as_ptr(), &mut error));
            assert_eq!(tinykv_error_code(error), TINYKV_ERR_SYNTAX);
            assert_eq!(
                CStr::from_ptr(tinykv_error_message(error))
                    .to_str()
                    .unwrap(),
                "line 2: no '=' in \"bad\""
            );
            tinykv_error_free(error);
            assert_eq!(tinykv_store_len(store.as_ref()), 3);
            tinykv_store_free(store);
        }
    }

    #[test]
    fn version_is_a_c_string() {
        unsafe {
            assert_eq!(CStr::from_ptr(tinykv_version()).to_str().unwrap(), "0.2.0");
        }
    }
}
