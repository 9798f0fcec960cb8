//! FIELD_TYPE_CHANGED, before: a field widens, moving the next one.

/// Sample.
#[repr(C)]
pub struct FieldTypeChangedSample {
    /// Raw value.
    pub raw: u16,
    /// Channel.
    pub channel: u16,
}
/// Reads a sample.
#[no_mangle]
pub extern "C" fn field_type_changed_read(sample: FieldTypeChangedSample) -> u32 {
    u32::from(sample.raw) + u32::from(sample.channel)
}
