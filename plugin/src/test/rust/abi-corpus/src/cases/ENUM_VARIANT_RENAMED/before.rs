//! ENUM_VARIANT_RENAMED, before: an enum variant is renamed, same value.

/// Mode.
#[repr(u8)]
#[derive(Clone, Copy)]
pub enum EnumVariantRenamedMode {
    /// Off.
    Off = 0,
    /// On.
    On = 1,
}
/// Reads a mode.
#[no_mangle]
pub extern "C" fn enum_variant_renamed_mode(mode: EnumVariantRenamedMode) -> u8 {
    mode as u8
}
