//! ERROR_VARIANT_RENAMED, before: an error variant is renamed, same code.

ferrule_ffi::error_enum! {
    /// Errors with a new name for one.
    pub enum RenameError {
        /// Full.
        Full = 1 => "full",
    }
}
