//! FIELD_OFFSET_CHANGED, before: two fields swap places.

/// Record.
#[repr(C)]
pub struct FieldOffsetChangedRecord {
    /// Id.
    pub id: u64,
    /// Score.
    pub score: u64,
}
/// Reads a record.
#[no_mangle]
pub extern "C" fn field_offset_changed_score(record: FieldOffsetChangedRecord) -> u64 {
    record.score + record.id
}
