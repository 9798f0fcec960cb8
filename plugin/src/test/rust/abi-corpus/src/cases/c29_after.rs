//! Case 29, after: an enum variant is renamed, same value.

/// Mode.
#[repr(u8)]
#[derive(Clone, Copy)]
pub enum C29Mode {
    /// Off.
    Off = 0,
    /// Enabled.
    Enabled = 1,
}
/// Reads a mode.
#[no_mangle]
pub extern "C" fn c29_mode(mode: C29Mode) -> u8 {
    mode as u8
}
