//! Fixture: a library without a cdylib crate-type.

/// Not reachable from Java: there is no cdylib.
pub fn unused() {}
