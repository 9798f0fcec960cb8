//! FIELD_RENAMED, before: a field is renamed in place.

/// Span.
#[repr(C)]
pub struct FieldRenamedSpan {
    /// Start.
    pub start: u32,
    /// Length.
    pub len: u32,
}
/// Reads a span.
#[no_mangle]
pub extern "C" fn field_renamed_end(span: FieldRenamedSpan) -> u32 {
    span.start + span.len
}
