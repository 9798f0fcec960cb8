//! Case 24, before: a struct becomes packed.

/// Wire header.
#[repr(C)]
pub struct C24Wire {
    /// Tag.
    pub tag: u8,
    /// Value.
    pub value: u32,
}
/// Reads the value.
#[no_mangle]
pub extern "C" fn c24_value(wire: C24Wire) -> u32 {
    wire.value + u32::from(wire.tag)
}
