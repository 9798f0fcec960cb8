//! Case 45, before: a struct becomes a union.

/// Value.
#[repr(C)]
pub struct C45Value {
    /// Bits.
    pub bits: u64,
}
/// Reads bits.
#[no_mangle]
pub extern "C" fn c45_bits(value: C45Value) -> u64 {
    value.bits
}
