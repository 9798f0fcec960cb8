//! ERROR_VARIANT_ADDED, before: an error variant is added.

ferrule_ffi::error_enum! {
    /// Errors that grow.
    pub enum AddError {
        /// Full.
        Full = 1 => "full",
    }
}
