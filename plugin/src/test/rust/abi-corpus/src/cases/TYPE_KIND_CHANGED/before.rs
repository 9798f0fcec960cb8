//! TYPE_KIND_CHANGED, before: a struct becomes a union.

/// Value.
#[repr(C)]
pub struct TypeKindChangedValue {
    /// Bits.
    pub bits: u64,
}
/// Reads bits.
#[no_mangle]
pub extern "C" fn type_kind_changed_bits(value: TypeKindChangedValue) -> u64 {
    value.bits
}
