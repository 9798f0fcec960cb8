//! Case 27, after: an enum gains a variant at the end.

/// Mode.
#[repr(u8)]
#[derive(Clone, Copy)]
pub enum C27Mode {
    /// Off.
    Off = 0,
    /// On.
    On = 1,
    /// Auto.
    Auto = 2,
}
/// Reads a mode.
#[no_mangle]
pub extern "C" fn c27_mode(mode: C27Mode) -> u8 {
    mode as u8
}
