//! Case 19, after: the last field is removed.

/// Pair.
#[repr(C)]
pub struct C19Pair {
    /// First.
    pub first: u32,
}
/// Reads a pair.
#[no_mangle]
pub extern "C" fn c19_first(pair: C19Pair) -> u32 {
    pair.first
}
