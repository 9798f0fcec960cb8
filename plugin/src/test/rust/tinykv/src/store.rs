//! The store: an opaque object created and freed through the C API.

use crate::error::{
    fail, TINYKV_ERR_BUFFER, TINYKV_ERR_FULL, TINYKV_ERR_NOT_FOUND, TINYKV_ERR_NULL,
};
use crate::error::{TINYKV_ERR_SYNTAX, TINYKV_ERR_UTF8, TINYKV_OK};
use crate::flags::{TINYKV_OPEN_ALL, TINYKV_OPEN_OVERWRITE, TINYKV_OPEN_READ_ONLY};
use crate::types::{tinykv_id, tinykv_logger, tinykv_stats, tinykv_ttl, tinykv_visit_fn};
use libc::{c_char, c_int, c_uint, c_void, size_t, ssize_t};
use std::collections::BTreeMap;
use std::ffi::{CStr, CString};
use std::ptr::{self, NonNull};
use std::slice;
use std::sync::atomic::{AtomicU64, Ordering};

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// An in-memory store. Opaque to C: create it with `tinykv_store_new` or `tinykv_store_open`,
/// release it with `tinykv_store_free`.
pub struct tinykv_store {
    id: tinykv_id,
    name: CString,
    capacity: usize,
    flags: c_uint,
    entries: BTreeMap<Vec<u8>, (Vec<u8>, tinykv_ttl)>,
    hits: u64,
    misses: u64,
    logger: tinykv_logger,
    logger_data: *mut c_void,
}

impl tinykv_store {
    fn create(name: CString, capacity: usize, flags: c_uint) -> *mut tinykv_store {
        Box::into_raw(Box::new(tinykv_store {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            name,
            capacity,
            flags,
            entries: BTreeMap::new(),
            hits: 0,
            misses: 0,
            logger: None,
            logger_data: ptr::null_mut(),
        }))
    }

    fn log(&self, level: c_int, message: &str) {
        if let (Some(logger), Ok(text)) = (self.logger, CString::new(message)) {
            // SAFETY: the host installed the logger with this user data and keeps both valid.
            unsafe { logger(level, text.as_ptr(), self.logger_data) };
        }
    }
}

/// Bytes the caller passed as (pointer, length); a null pointer is only valid with length 0.
unsafe fn bytes<'a>(data: *const u8, len: size_t) -> Option<&'a [u8]> {
    if len == 0 {
        Some(&[])
    } else if data.is_null() {
        None
    } else {
        // SAFETY: the caller promises `len` readable bytes at `data`.
        Some(unsafe { slice::from_raw_parts(data, len) })
    }
}

ffi_fn! {
    /// Creates an empty store holding at most `capacity` entries. Returns null on failure: a
    /// capacity of 0, or flags this version does not know.
    fn tinykv_store_new(capacity: size_t, flags: c_uint) -> *mut tinykv_store {
        if capacity == 0 || flags & !TINYKV_OPEN_ALL != 0 {
            fail(TINYKV_ERR_FULL, "a store needs a capacity above 0 and known flags");
            return ptr::null_mut();
        }
        tinykv_store::create(CString::default(), capacity, flags)
    }
}

ffi_fn! {
    /// Opens a named store. `name` is a NUL-terminated UTF-8 string; the store is written to
    /// `*out`, which the caller releases with `tinykv_store_free`.
    fn tinykv_store_open(name: *const c_char, flags: c_uint, out: *mut *mut tinykv_store) -> c_int {
        if name.is_null() || out.is_null() {
            return fail(TINYKV_ERR_NULL, "name and out must not be null");
        }
        // SAFETY: checked for null; the caller passes a NUL-terminated string.
        let name = unsafe { CStr::from_ptr(name) };
        if name.to_str().is_err() {
            return fail(TINYKV_ERR_UTF8, "the name is not valid UTF-8");
        }
        let name = name.to_owned();
        // SAFETY: checked for null above.
        unsafe { *out = tinykv_store::create(name, 1024, flags) };
        TINYKV_OK
    }
}

ffi_fn! {
    /// Releases a store; null is ignored.
    fn tinykv_store_free(store: *mut tinykv_store) {
        if !store.is_null() {
            // SAFETY: the pointer came from tinykv_store_new or tinykv_store_open.
            drop(unsafe { Box::from_raw(store) });
        }
    }
}

ffi_fn! {
    /// Stores `value` under `key`, replacing an old value only with `TINYKV_OPEN_OVERWRITE`.
    fn tinykv_store_put(
        store: NonNull<tinykv_store>,
        key: *const u8,
        key_len: size_t,
        value: *const u8,
        value_len: size_t,
        ttl: tinykv_ttl,
    ) -> c_int {
        // SAFETY: NonNull; the caller passes a live store it does not use on another thread.
        let store = unsafe { &mut *store.as_ptr() };
        // SAFETY: the caller passes readable (pointer, length) pairs.
        let (Some(key), Some(value)) = (unsafe { bytes(key, key_len) }, unsafe { bytes(value, value_len) }) else {
            return fail(TINYKV_ERR_NULL, "key and value must not be null");
        };
        if store.flags & TINYKV_OPEN_READ_ONLY != 0 {
            return fail(TINYKV_ERR_FULL, "the store is read-only");
        }
        let exists = store.entries.contains_key(key);
        if exists && store.flags & TINYKV_OPEN_OVERWRITE == 0 {
            return fail(TINYKV_ERR_FULL, "the key exists and the store does not overwrite");
        }
        if !exists && store.entries.len() >= store.capacity {
            return fail(TINYKV_ERR_FULL, "the store is full");
        }
        store.log(1, "put");
        store.entries.insert(key.to_vec(), (value.to_vec(), ttl));
        TINYKV_OK
    }
}

ffi_fn! {
    /// Copies the value of `key` into `buf`. Returns the value's length, which may exceed
    /// `buf_len` (then nothing is copied), or a negative status code.
    fn tinykv_store_get(
        store: Option<&mut tinykv_store>,
        key: *const u8,
        key_len: size_t,
        buf: *mut u8,
        buf_len: size_t,
    ) -> ssize_t {
        let Some(store) = store else {
            return -(fail(TINYKV_ERR_NULL, "store is null") as ssize_t);
        };
        // SAFETY: the caller passes a readable (pointer, length) pair.
        let Some(key) = (unsafe { bytes(key, key_len) }) else {
            return -(fail(TINYKV_ERR_NULL, "key is null") as ssize_t);
        };
        let Some((value, _)) = store.entries.get(key) else {
            store.misses += 1;
            return -(fail(TINYKV_ERR_NOT_FOUND, "no such key") as ssize_t);
        };
        store.hits += 1;
        if value.len() <= buf_len && !buf.is_null() {
            // SAFETY: the caller passes `buf_len` writable bytes at `buf`.
            unsafe { ptr::copy_nonoverlapping(value.as_ptr(), buf, value.len()) };
        }
        value.len() as ssize_t
    }
}

ffi_fn! {
    /// The value of a NUL-terminated `key` as a new NUL-terminated string, or null when there is
    /// none. Release it with `tinykv_string_free`.
    fn tinykv_store_get_string(store: *const tinykv_store, key: *const c_char) -> *mut c_char {
        if store.is_null() || key.is_null() {
            fail(TINYKV_ERR_NULL, "store and key must not be null");
            return ptr::null_mut();
        }
        // SAFETY: checked for null; the caller passes a live store and a NUL-terminated key.
        let (store, key) = unsafe { (&*store, CStr::from_ptr(key)) };
        match store.entries.get(key.to_bytes()).map(|(value, _)| CString::new(value.clone())) {
            Some(Ok(text)) => text.into_raw(),
            Some(Err(_)) => {
                fail(TINYKV_ERR_BUFFER, "the value contains a NUL byte");
                ptr::null_mut()
            }
            None => {
                fail(TINYKV_ERR_NOT_FOUND, "no such key");
                ptr::null_mut()
            }
        }
    }
}

ffi_fn! {
    /// Releases a string returned by `tinykv_store_get_string`; null is ignored.
    fn tinykv_string_free(text: *mut c_char) {
        if !text.is_null() {
            // SAFETY: the string came from CString::into_raw in tinykv_store_get_string.
            drop(unsafe { CString::from_raw(text) });
        }
    }
}

ffi_fn! {
    /// Removes a NUL-terminated `key`. A null store is an error, not a crash.
    fn tinykv_store_remove(store: Option<NonNull<tinykv_store>>, key: *const c_char) -> c_int {
        let Some(store) = store else {
            return fail(TINYKV_ERR_NULL, "store is null");
        };
        if key.is_null() {
            return fail(TINYKV_ERR_NULL, "key is null");
        }
        // SAFETY: a live store the caller does not use elsewhere; a NUL-terminated key.
        let (store, key) = unsafe { (&mut *store.as_ptr(), CStr::from_ptr(key)) };
        match store.entries.remove(key.to_bytes()) {
            Some(_) => TINYKV_OK,
            None => fail(TINYKV_ERR_NOT_FOUND, "no such key"),
        }
    }
}

ffi_fn! {
    /// Entries in the store; 0 for null.
    fn tinykv_store_len(store: Option<&tinykv_store>) -> size_t {
        store.map_or(0, |store| store.entries.len())
    }
}

ffi_fn! {
    /// Fills in `*out` with the store's counters.
    fn tinykv_store_stats(store: *const tinykv_store, out: *mut tinykv_stats) -> c_int {
        if store.is_null() || out.is_null() {
            return fail(TINYKV_ERR_NULL, "store and out must not be null");
        }
        // SAFETY: checked for null; a live store.
        let store = unsafe { &*store };
        let stats = tinykv_stats {
            entries: store.entries.len(),
            bytes: store.entries.iter().map(|(k, (v, _))| k.len() + v.len()).sum(),
            hits: store.hits,
            misses: store.misses,
            // SAFETY: getpid has no preconditions.
            owner: unsafe { libc::getpid() },
            flags: store.flags,
        };
        // SAFETY: checked for null; the caller passes writable memory for one tinykv_stats.
        unsafe { out.write(stats) };
        TINYKV_OK
    }
}

ffi_fn! {
    /// Calls `visit` once per entry, in key order, until it returns non-zero. A null `visit`
    /// visits nothing. Returns the number of entries visited.
    fn tinykv_store_visit(store: *const tinykv_store, visit: tinykv_visit_fn, user_data: *mut c_void) -> c_int {
        if store.is_null() {
            return -fail(TINYKV_ERR_NULL, "store is null");
        }
        // SAFETY: checked for null; a live store.
        let store = unsafe { &*store };
        let Some(visit) = visit else {
            return 0;
        };
        let mut visited = 0;
        for (key, (value, _)) in &store.entries {
            visited += 1;
            // SAFETY: the host passed a valid callback with its user data.
            if unsafe { visit(key.as_ptr(), key.len(), value.as_ptr(), value.len(), user_data) } != 0 {
                break;
            }
        }
        visited
    }
}

ffi_fn! {
    /// Installs a logger, or removes it when `logger` is null.
    fn tinykv_store_set_logger(store: *mut tinykv_store, logger: tinykv_logger, user_data: *mut c_void) -> c_int {
        if store.is_null() {
            return fail(TINYKV_ERR_NULL, "store is null");
        }
        // SAFETY: checked for null; a live store the caller does not use elsewhere.
        let store = unsafe { &mut *store };
        store.logger = logger;
        store.logger_data = user_data;
        TINYKV_OK
    }
}

ffi_fn! {
    /// The store's name as a NUL-terminated string owned by the store; valid until it is freed.
    fn tinykv_store_name(store: *const tinykv_store) -> *const c_char {
        if store.is_null() {
            return ptr::null();
        }
        // SAFETY: checked for null; a live store.
        let store = unsafe { &*store };
        store.name.as_ptr()
    }
}

ffi_fn! {
    /// The store's identity, unique in this process; 0 for null.
    fn tinykv_store_id(store: Option<&tinykv_store>) -> tinykv_id {
        store.map_or(0, |store| store.id)
    }
}

/// An iterator over a store's keys, in order. It reads the store as it goes: free it before the
/// store, and do not change the store while it is open.
pub struct tinykv_iter {
    store: *const tinykv_store,
    after: Option<Vec<u8>>,
}

ffi_fn! {
    /// A new iterator over the keys of `store`, which must outlive it. Release it with
    /// `tinykv_iter_free`.
    fn tinykv_store_iter(store: *const tinykv_store) -> *mut tinykv_iter {
        if store.is_null() {
            fail(TINYKV_ERR_NULL, "store is null");
            return ptr::null_mut();
        }
        Box::into_raw(Box::new(tinykv_iter { store, after: None }))
    }
}

ffi_fn! {
    /// Writes the next key to `*key` and `*key_len` and returns true, or returns false at the end.
    /// The key stays valid until the next call on the iterator or a change to the store.
    fn tinykv_iter_next(iter: *mut tinykv_iter, key: *mut *const u8, key_len: *mut size_t) -> bool {
        if iter.is_null() || key.is_null() || key_len.is_null() {
            fail(TINYKV_ERR_NULL, "iter, key and key_len must not be null");
            return false;
        }
        // SAFETY: checked for null; a live iterator whose store outlives it.
        let iter = unsafe { &mut *iter };
        let store = unsafe { &*iter.store };
        let next = match &iter.after {
            None => store.entries.keys().next(),
            Some(after) => store
                .entries
                .range::<[u8], _>((std::ops::Bound::Excluded(after.as_slice()), std::ops::Bound::Unbounded))
                .map(|(k, _)| k)
                .next(),
        };
        let Some(next) = next else {
            return false;
        };
        // SAFETY: checked for null; the caller passes writable out-parameters.
        unsafe {
            *key = next.as_ptr();
            *key_len = next.len();
        }
        iter.after = Some(next.clone());
        true
    }
}

ffi_fn! {
    /// Releases an iterator; null is ignored.
    fn tinykv_iter_free(iter: *mut tinykv_iter) {
        if !iter.is_null() {
            // SAFETY: the pointer came from tinykv_store_iter.
            drop(unsafe { Box::from_raw(iter) });
        }
    }
}

/// A failed call's code and message, returned through an out-parameter. Release it with
/// `tinykv_error_free`.
pub struct tinykv_error {
    code: c_int,
    message: CString,
}

fn error_out(error: *mut *mut tinykv_error, code: c_int, message: &str) -> bool {
    if !error.is_null() {
        let message = CString::new(message).unwrap_or_default();
        // SAFETY: checked for null; the caller passes a writable out-parameter.
        unsafe { *error = Box::into_raw(Box::new(tinykv_error { code, message })) };
    }
    false
}

ffi_fn! {
    /// Puts every `key=value` line of the NUL-terminated `text` into the store. On failure it
    /// returns false and, when `error` is not null, writes an error to `*error` that the caller
    /// releases with `tinykv_error_free`; the lines before the failing one stay imported.
    fn tinykv_store_load(store: *mut tinykv_store, text: *const c_char, error: *mut *mut tinykv_error) -> bool {
        if store.is_null() || text.is_null() {
            return error_out(error, TINYKV_ERR_NULL, "store and text must not be null");
        }
        // SAFETY: checked for null; a live store and a NUL-terminated text.
        let (store, text) = unsafe { (&mut *store, CStr::from_ptr(text)) };
        let Ok(text) = text.to_str() else {
            return error_out(error, TINYKV_ERR_UTF8, "the text is not valid UTF-8");
        };
        for (number, line) in text.lines().enumerate() {
            let Some((key, value)) = line.split_once('=') else {
                return error_out(error, TINYKV_ERR_SYNTAX, &format!("line {}: no '=' in {line:?}", number + 1));
            };
            if store.entries.len() >= store.capacity && !store.entries.contains_key(key.as_bytes()) {
                return error_out(error, TINYKV_ERR_FULL, &format!("line {}: the store is full", number + 1));
            }
            store.entries.insert(key.as_bytes().to_vec(), (value.as_bytes().to_vec(), tinykv_ttl(0)));
        }
        true
    }
}

ffi_fn! {
    /// The message of an error, valid until it is freed.
    fn tinykv_error_message(error: *const tinykv_error) -> *const c_char {
        if error.is_null() {
            return ptr::null();
        }
        // SAFETY: checked for null; a live error.
        unsafe { (*error).message.as_ptr() }
    }
}

ffi_fn! {
    /// The code of an error, one of `TINYKV_ERR_*`.
    fn tinykv_error_code(error: *const tinykv_error) -> c_int {
        if error.is_null() {
            return TINYKV_ERR_NULL;
        }
        // SAFETY: checked for null; a live error.
        unsafe { (*error).code }
    }
}

ffi_fn! {
    /// Releases an error; null is ignored.
    fn tinykv_error_free(error: *mut tinykv_error) {
        if !error.is_null() {
            // SAFETY: the pointer came from a failed call's error out-parameter.
            drop(unsafe { Box::from_raw(error) });
        }
    }
}

ffi_fn! {
    /// Adds up the counters of `count` stats at `stats` into `*out`; its owner and flags are the
    /// first one's.
    fn tinykv_stats_merge(stats: *const tinykv_stats, count: size_t, out: *mut tinykv_stats) -> c_int {
        if out.is_null() || stats.is_null() && count > 0 {
            return fail(TINYKV_ERR_NULL, "stats and out must not be null");
        }
        let all = if count == 0 {
            &[][..]
        } else {
            // SAFETY: checked for null; the caller passes `count` readable stats.
            unsafe { slice::from_raw_parts(stats, count) }
        };
        let mut sum = all.first().copied().unwrap_or_default();
        for more in all.iter().skip(1) {
            sum.entries += more.entries;
            sum.bytes += more.bytes;
            sum.hits += more.hits;
            sum.misses += more.misses;
        }
        // SAFETY: checked for null; writable memory for one tinykv_stats.
        unsafe { out.write(sum) };
        TINYKV_OK
    }
}
