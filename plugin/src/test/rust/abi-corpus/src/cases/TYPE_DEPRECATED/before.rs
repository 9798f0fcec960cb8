//! TYPE_DEPRECATED, before: a type is deprecated.

/// Legacy options.
#[repr(C)]
pub struct TypeDeprecatedOptions {
    /// Bits.
    pub bits: u32,
}
/// Reads options.
#[no_mangle]
pub extern "C" fn type_deprecated_bits(options: TypeDeprecatedOptions) -> u32 {
    options.bits
}
