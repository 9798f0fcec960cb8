//! CONST_TYPE_CHANGED, before: a constant changes type.

/// Size.
pub const CONST_TYPE_CHANGED_SIZE: u32 = 4;
/// Anchor.
#[no_mangle]
pub extern "C" fn const_type_changed_anchor() -> u8 {
    1
}
