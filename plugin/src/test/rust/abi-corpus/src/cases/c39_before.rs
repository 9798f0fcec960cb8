//! Case 39, before: a static becomes immutable.

/// Counter.
#[no_mangle]
pub static mut C39_COUNTER: u32 = 0;
