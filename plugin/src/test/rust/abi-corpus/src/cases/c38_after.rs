//! Case 38, after: a constant is added.

/// New.
pub const C38_NEW: i32 = -1;
/// Anchor.
#[no_mangle]
pub extern "C" fn c38_anchor() -> u8 {
    1
}
