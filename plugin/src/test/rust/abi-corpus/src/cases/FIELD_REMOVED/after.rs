//! FIELD_REMOVED, after: the last field is removed.

/// Pair.
#[repr(C)]
pub struct FieldRemovedPair {
    /// First.
    pub first: u32,
}
/// Reads a pair.
#[no_mangle]
pub extern "C" fn field_removed_first(pair: FieldRemovedPair) -> u32 {
    pair.first
}
