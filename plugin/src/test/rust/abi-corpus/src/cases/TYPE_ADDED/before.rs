//! TYPE_ADDED, before: a new function brings a new type.

/// Anchor.
#[no_mangle]
pub extern "C" fn type_added_anchor() -> u8 {
    1
}
