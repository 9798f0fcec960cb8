//! STATIC_MUTABILITY_CHANGED, before: a static becomes immutable.

/// Counter.
#[no_mangle]
pub static mut STATIC_MUTABILITY_CHANGED_COUNTER: u32 = 0;
