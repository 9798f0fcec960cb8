//! Case 20, after: two fields swap places.

/// Record.
#[repr(C)]
pub struct C20Record {
    /// Score.
    pub score: u64,
    /// Id.
    pub id: u64,
}
/// Reads a record.
#[no_mangle]
pub extern "C" fn c20_score(record: C20Record) -> u64 {
    record.score + record.id
}
