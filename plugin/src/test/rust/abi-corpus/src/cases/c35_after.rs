//! Case 35, after: a constant changes value.

/// Limit.
pub const C35_LIMIT: u32 = 20;
/// Uses the limit.
#[no_mangle]
pub extern "C" fn c35_limit() -> u32 {
    C35_LIMIT
}
