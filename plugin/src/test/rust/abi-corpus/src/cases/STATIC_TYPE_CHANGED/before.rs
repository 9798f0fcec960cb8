//! STATIC_TYPE_CHANGED, before: a static changes type.

/// Flags.
#[no_mangle]
pub static STATIC_TYPE_CHANGED_FLAGS: u32 = 0;
