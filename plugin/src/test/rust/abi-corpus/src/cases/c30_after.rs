//! Case 30, after: an enum's repr widens.

/// Mode.
#[repr(u32)]
#[derive(Clone, Copy)]
pub enum C30Mode {
    /// Off.
    Off = 0,
    /// On.
    On = 1,
}
/// Reads a mode.
#[no_mangle]
pub extern "C" fn c30_mode(mode: C30Mode) -> u8 {
    mode as u8
}
