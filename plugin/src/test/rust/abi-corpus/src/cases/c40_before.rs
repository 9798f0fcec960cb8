//! Case 40, before: a static changes type.

/// Flags.
#[no_mangle]
pub static C40_FLAGS: u32 = 0;
