//! CONST_VALUE_CHANGED, after: a constant changes value.

/// Limit.
pub const CONST_VALUE_CHANGED_LIMIT: u32 = 20;
/// Uses the limit.
#[no_mangle]
pub extern "C" fn const_value_changed_limit() -> u32 {
    CONST_VALUE_CHANGED_LIMIT
}
