//! Flags of `tinykv_store_open`, to be OR-ed together.

use libc::c_uint;

/// Create the store when it does not exist.
pub const TINYKV_OPEN_CREATE: c_uint = 1 << 0;
/// Refuse every write.
pub const TINYKV_OPEN_READ_ONLY: c_uint = 1 << 1;
/// Replace an existing value instead of failing with `TINYKV_ERR_FULL`.
pub const TINYKV_OPEN_OVERWRITE: c_uint = 1 << 2;
/// Every flag this version knows.
pub const TINYKV_OPEN_ALL: c_uint =
    TINYKV_OPEN_CREATE | TINYKV_OPEN_READ_ONLY | TINYKV_OPEN_OVERWRITE;
