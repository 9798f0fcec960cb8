//! ERROR_VARIANT_RENAMED, after: an error variant is renamed, same code.

ferrule_ffi::error_enum! {
    /// Errors with a new name for one.
    pub enum RenameError {
        /// Saturated.
        Saturated = 1 => "saturated",
    }
}
