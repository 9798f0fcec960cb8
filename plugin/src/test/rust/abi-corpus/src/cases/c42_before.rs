//! Case 42, before: a static is added.

/// Anchor.
#[no_mangle]
pub extern "C" fn c42_anchor() -> u8 {
    1
}
