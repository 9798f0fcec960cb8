//! ERROR_VARIANT_REMOVED, after: an error variant is removed.

ferrule_ffi::error_enum! {
    /// Errors, one of which goes.
    pub enum RemoveError {
        /// Full.
        Full = 1 => "full",
    }
}
