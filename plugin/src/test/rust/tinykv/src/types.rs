//! The plain C types of the API. The crate reaches them through `pub use crate::types::*`.

use libc::{c_char, c_int, c_uint, c_void, pid_t, size_t};

/// Counters of a store, filled in by `tinykv_store_stats`.
#[repr(C)]
#[derive(Debug, Clone, Copy, Default)]
pub struct tinykv_stats {
    /// Entries in the store.
    pub entries: size_t,
    /// Bytes held by keys and values.
    pub bytes: size_t,
    /// Successful lookups.
    pub hits: u64,
    /// Lookups of a missing key.
    pub misses: u64,
    /// The process that created the store.
    pub owner: pid_t,
    /// The flags the store was opened with.
    pub flags: c_uint,
}

/// The library's version, filled in by `tinykv_version_info`.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct tinykv_version {
    pub major: c_int,
    pub minor: c_int,
    pub patch: c_int,
    /// A NUL-terminated pre-release tag, empty for releases.
    pub tag: [c_char; 16],
}

/// A store's process-wide identity, as returned by `tinykv_store_id`.
pub type tinykv_id = u64;

/// Seconds an entry lives; 0 means forever.
#[repr(transparent)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct tinykv_ttl(pub u32);

/// Called once per entry by `tinykv_store_visit`; return non-zero to stop.
pub type tinykv_visit_fn = Option<
    unsafe extern "C" fn(
        key: *const u8,
        key_len: size_t,
        value: *const u8,
        value_len: size_t,
        user_data: *mut c_void,
    ) -> c_int,
>;

/// The callback signature a logger has.
pub type tinykv_log_fn =
    Option<unsafe extern "C" fn(level: c_int, message: *const c_char, user_data: *mut c_void)>;

/// A logger installed with `tinykv_store_set_logger`: the same nullable function pointer.
pub type tinykv_logger = tinykv_log_fn;
