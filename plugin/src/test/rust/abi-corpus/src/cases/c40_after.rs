//! Case 40, after: a static changes type.

/// Flags.
#[no_mangle]
pub static C40_FLAGS: u64 = 0;
