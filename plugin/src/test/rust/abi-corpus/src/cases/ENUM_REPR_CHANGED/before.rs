//! ENUM_REPR_CHANGED, before: an enum's repr widens.

/// Mode.
#[repr(u8)]
#[derive(Clone, Copy)]
pub enum EnumReprChangedMode {
    /// Off.
    Off = 0,
    /// On.
    On = 1,
}
/// Reads a mode.
#[no_mangle]
pub extern "C" fn enum_repr_changed_mode(mode: EnumReprChangedMode) -> u8 {
    mode as u8
}
