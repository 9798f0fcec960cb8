//! ENUM_VARIANT_ADDED, after: an enum gains a variant at the end.

/// Mode.
#[repr(u8)]
#[derive(Clone, Copy)]
pub enum EnumVariantAddedMode {
    /// Off.
    Off = 0,
    /// On.
    On = 1,
    /// Auto.
    Auto = 2,
}
/// Reads a mode.
#[no_mangle]
pub extern "C" fn enum_variant_added_mode(mode: EnumVariantAddedMode) -> u8 {
    mode as u8
}
