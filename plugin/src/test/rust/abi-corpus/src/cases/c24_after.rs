//! Case 24, after: a struct becomes packed.

/// Wire header.
#[repr(C, packed)]
pub struct C24Wire {
    /// Tag.
    pub tag: u8,
    /// Value.
    pub value: u32,
}
/// Reads the value.
#[no_mangle]
pub extern "C" fn c24_value(wire: C24Wire) -> u32 {
    let value = wire.value;
    value + u32::from(wire.tag)
}
