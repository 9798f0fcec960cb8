//! REPR_CHANGED, after: a struct becomes packed.

/// Wire header.
#[repr(C, packed)]
pub struct ReprChangedWire {
    /// Tag.
    pub tag: u8,
    /// Value.
    pub value: u32,
}
/// Reads the value.
#[no_mangle]
pub extern "C" fn repr_changed_value(wire: ReprChangedWire) -> u32 {
    let value = wire.value;
    value + u32::from(wire.tag)
}
