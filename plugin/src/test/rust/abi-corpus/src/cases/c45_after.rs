//! Case 45, after: a struct becomes a union.

/// Value.
#[repr(C)]
pub union C45Value {
    /// Bits.
    pub bits: u64,
}
/// Reads bits.
#[no_mangle]
pub extern "C" fn c45_bits(value: C45Value) -> u64 {
    unsafe { value.bits }
}
