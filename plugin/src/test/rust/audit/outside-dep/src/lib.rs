//! A crate that lives outside the project that depends on it.

/// Anything.
pub const ANSWER: u32 = 42;
