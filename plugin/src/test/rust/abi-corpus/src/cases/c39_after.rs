//! Case 39, after: a static becomes immutable.

/// Counter.
#[no_mangle]
pub static C39_COUNTER: u32 = 0;
