//! ERROR_VARIANT_ADDED, after: an error variant is added.

ferrule_ffi::error_enum! {
    /// Errors that grow.
    pub enum AddError {
        /// Full.
        Full = 1 => "full",
        /// Busy.
        Busy = 2 => "busy",
    }
}
