//! Case 46, before: a type is deprecated.

/// Legacy options.
#[repr(C)]
pub struct C46Options {
    /// Bits.
    pub bits: u32,
}
/// Reads options.
#[no_mangle]
pub extern "C" fn c46_bits(options: C46Options) -> u32 {
    options.bits
}
