//! ENUM_VARIANT_REMOVED, after: an enum loses a variant.

/// Mode.
#[repr(u8)]
#[derive(Clone, Copy)]
pub enum EnumVariantRemovedMode {
    /// Off.
    Off = 0,
    /// On.
    On = 1,
}
/// Reads a mode.
#[no_mangle]
pub extern "C" fn enum_variant_removed_mode(mode: EnumVariantRemovedMode) -> u8 {
    mode as u8
}
