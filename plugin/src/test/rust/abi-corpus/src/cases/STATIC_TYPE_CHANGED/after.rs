//! STATIC_TYPE_CHANGED, after: a static changes type.

/// Flags.
#[no_mangle]
pub static STATIC_TYPE_CHANGED_FLAGS: u64 = 0;
