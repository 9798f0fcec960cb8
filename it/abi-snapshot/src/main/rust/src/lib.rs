//! Scenario crate for `ferrule:snapshot`.

/// A size with padding between its fields.
#[repr(C)]
pub struct Size {
    /// Units: 0 for pixels, 1 for points.
    pub unit: u8,
    /// Width.
    pub width: u32,
}

/// Area of a size.
#[no_mangle]
pub extern "C" fn shapes_area(size: Size) -> u64 {
    u64::from(size.width) * u64::from(size.unit)
}

/// Only with the `extra` feature.
#[cfg(feature = "extra")]
#[no_mangle]
pub extern "C" fn shapes_extra() -> i32 {
    1
}
