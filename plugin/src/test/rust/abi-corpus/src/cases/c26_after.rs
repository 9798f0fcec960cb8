//! Case 26, after: an enum value changes.

/// Mode.
#[repr(u8)]
#[derive(Clone, Copy)]
pub enum C26Mode {
    /// Off.
    Off = 0,
    /// On.
    On = 2,
}
/// Reads a mode.
#[no_mangle]
pub extern "C" fn c26_mode(mode: C26Mode) -> u8 {
    mode as u8
}
