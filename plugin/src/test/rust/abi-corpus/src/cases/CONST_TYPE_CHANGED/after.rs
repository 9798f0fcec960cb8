//! CONST_TYPE_CHANGED, after: a constant changes type.

/// Size.
pub const CONST_TYPE_CHANGED_SIZE: u64 = 4;
/// Anchor.
#[no_mangle]
pub extern "C" fn const_type_changed_anchor() -> u8 {
    1
}
