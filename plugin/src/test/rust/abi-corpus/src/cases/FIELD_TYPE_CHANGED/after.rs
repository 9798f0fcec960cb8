//! FIELD_TYPE_CHANGED, after: a field widens, moving the next one.

/// Sample.
#[repr(C)]
pub struct FieldTypeChangedSample {
    /// Raw value.
    pub raw: u32,
    /// Channel.
    pub channel: u16,
}
/// Reads a sample.
#[no_mangle]
pub extern "C" fn field_type_changed_read(sample: FieldTypeChangedSample) -> u32 {
    sample.raw + u32::from(sample.channel)
}
