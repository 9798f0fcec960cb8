//! REPR_C_REMOVED, before: repr(C) is removed from a struct passed by value.

/// Header.
#[repr(C)]
pub struct ReprCRemovedHeader {
    /// Tag.
    pub tag: u8,
    /// Length.
    pub len: u32,
    /// Kind.
    pub kind: u8,
}
/// Reads a header.
#[no_mangle]
pub extern "C" fn repr_c_removed_len(header: ReprCRemovedHeader) -> u32 {
    header.len + u32::from(header.tag + header.kind)
}
