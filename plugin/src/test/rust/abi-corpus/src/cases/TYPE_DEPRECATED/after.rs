//! TYPE_DEPRECATED, after: a type is deprecated.

/// Legacy options.
#[deprecated(note = "use flags")]
#[repr(C)]
pub struct TypeDeprecatedOptions {
    /// Bits.
    pub bits: u32,
}
/// Reads options.
#[allow(deprecated)]
#[no_mangle]
pub extern "C" fn type_deprecated_bits(options: TypeDeprecatedOptions) -> u32 {
    options.bits
}
