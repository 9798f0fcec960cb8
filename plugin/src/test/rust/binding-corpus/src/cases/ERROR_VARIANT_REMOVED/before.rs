//! ERROR_VARIANT_REMOVED, before: an error variant is removed.

ferrule_ffi::error_enum! {
    /// Errors, one of which goes.
    pub enum RemoveError {
        /// Full.
        Full = 1 => "full",
        /// Gone.
        Gone = 2 => "gone",
    }
}
