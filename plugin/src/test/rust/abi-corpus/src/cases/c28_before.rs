//! Case 28, before: an enum loses a variant.

/// Mode.
#[repr(u8)]
#[derive(Clone, Copy)]
pub enum C28Mode {
    /// Off.
    Off = 0,
    /// On.
    On = 1,
    /// Auto.
    Auto = 2,
}
/// Reads a mode.
#[no_mangle]
pub extern "C" fn c28_mode(mode: C28Mode) -> u8 {
    mode as u8
}
