//! Case 21, before: a field widens, moving the next one.

/// Sample.
#[repr(C)]
pub struct C21Sample {
    /// Raw value.
    pub raw: u16,
    /// Channel.
    pub channel: u16,
}
/// Reads a sample.
#[no_mangle]
pub extern "C" fn c21_read(sample: C21Sample) -> u32 {
    u32::from(sample.raw) + u32::from(sample.channel)
}
