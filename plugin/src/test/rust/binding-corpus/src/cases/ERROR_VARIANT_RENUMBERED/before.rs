//! ERROR_VARIANT_RENUMBERED, before: an error variant gets another status code.

ferrule_ffi::error_enum! {
    /// Errors whose codes move.
    pub enum RenumberError {
        /// Full.
        Full = 1 => "full",
        /// Empty.
        Empty = 2 => "empty",
    }
}
