//! Case 46, after: a type is deprecated.

/// Legacy options.
#[deprecated(note = "use flags")]
#[repr(C)]
pub struct C46Options {
    /// Bits.
    pub bits: u32,
}
/// Reads options.
#[allow(deprecated)]
#[no_mangle]
pub extern "C" fn c46_bits(options: C46Options) -> u32 {
    options.bits
}
