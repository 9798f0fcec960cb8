//! STATIC_MUTABILITY_CHANGED, after: a static becomes immutable.

/// Counter.
#[no_mangle]
pub static STATIC_MUTABILITY_CHANGED_COUNTER: u32 = 0;
