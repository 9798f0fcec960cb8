//! ENUM_VALUE_CHANGED, before: an enum value changes.

/// Mode.
#[repr(u8)]
#[derive(Clone, Copy)]
pub enum EnumValueChangedMode {
    /// Off.
    Off = 0,
    /// On.
    On = 1,
}
/// Reads a mode.
#[no_mangle]
pub extern "C" fn enum_value_changed_mode(mode: EnumValueChangedMode) -> u8 {
    mode as u8
}
