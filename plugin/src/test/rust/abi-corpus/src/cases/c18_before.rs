//! Case 18, before: a field is appended to a struct passed by value.

/// Config.
#[repr(C)]
pub struct C18Config {
    /// Level.
    pub level: u32,
}
/// Uses the config by value.
#[no_mangle]
pub extern "C" fn c18_apply(config: C18Config) -> u32 {
    config.level
}
