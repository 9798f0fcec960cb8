//! ENUM_VARIANT_RENAMED, after: an enum variant is renamed, same value.

/// Mode.
#[repr(u8)]
#[derive(Clone, Copy)]
pub enum EnumVariantRenamedMode {
    /// Off.
    Off = 0,
    /// Enabled.
    Enabled = 1,
}
/// Reads a mode.
#[no_mangle]
pub extern "C" fn enum_variant_renamed_mode(mode: EnumVariantRenamedMode) -> u8 {
    mode as u8
}
