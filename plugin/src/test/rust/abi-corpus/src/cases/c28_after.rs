//! Case 28, after: an enum loses a variant.

/// Mode.
#[repr(u8)]
#[derive(Clone, Copy)]
pub enum C28Mode {
    /// Off.
    Off = 0,
    /// On.
    On = 1,
}
/// Reads a mode.
#[no_mangle]
pub extern "C" fn c28_mode(mode: C28Mode) -> u8 {
    mode as u8
}
