//! Version 2 of a crate linked twice.

/// Which version this is.
pub const VERSION: u32 = 2;
