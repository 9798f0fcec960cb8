//! Case 41, after: a static is removed.

/// Anchor.
#[no_mangle]
pub extern "C" fn c41_anchor() -> u8 {
    1
}
