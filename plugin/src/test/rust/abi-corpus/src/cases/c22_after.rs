//! Case 22, after: a field is renamed in place.

/// Span.
#[repr(C)]
pub struct C22Span {
    /// Start.
    pub start: u32,
    /// Length.
    pub length: u32,
}
/// Reads a span.
#[no_mangle]
pub extern "C" fn c22_end(span: C22Span) -> u32 {
    span.start + span.length
}
