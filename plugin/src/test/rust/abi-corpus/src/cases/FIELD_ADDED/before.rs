//! FIELD_ADDED, before: a field is appended to a struct passed by value.

/// Config.
#[repr(C)]
pub struct FieldAddedConfig {
    /// Level.
    pub level: u32,
}
/// Uses the config by value.
#[no_mangle]
pub extern "C" fn field_added_apply(config: FieldAddedConfig) -> u32 {
    config.level
}
