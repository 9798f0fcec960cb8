//! FIELD_OFFSET_CHANGED, after: two fields swap places.

/// Record.
#[repr(C)]
pub struct FieldOffsetChangedRecord {
    /// Score.
    pub score: u64,
    /// Id.
    pub id: u64,
}
/// Reads a record.
#[no_mangle]
pub extern "C" fn field_offset_changed_score(record: FieldOffsetChangedRecord) -> u64 {
    record.score + record.id
}
