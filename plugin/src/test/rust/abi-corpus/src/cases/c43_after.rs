//! Case 43, after: a new function brings a new type.

/// Anchor.
#[no_mangle]
pub extern "C" fn c43_anchor() -> u8 {
    1
}
/// Size.
#[repr(C)]
pub struct C43Size {
    /// Width.
    pub width: u32,
}
/// Area.
#[no_mangle]
pub extern "C" fn c43_area(size: C43Size) -> u32 {
    size.width
}
