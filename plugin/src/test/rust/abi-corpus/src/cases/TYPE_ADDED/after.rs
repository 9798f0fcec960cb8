//! TYPE_ADDED, after: a new function brings a new type.

/// Anchor.
#[no_mangle]
pub extern "C" fn type_added_anchor() -> u8 {
    1
}
/// Size.
#[repr(C)]
pub struct TypeAddedSize {
    /// Width.
    pub width: u32,
}
/// Area.
#[no_mangle]
pub extern "C" fn type_added_area(size: TypeAddedSize) -> u32 {
    size.width
}
