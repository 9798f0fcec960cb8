//! STRUCT_ALIGN_CHANGED, before: a struct gains an alignment.

/// Vector.
#[repr(C)]
pub struct StructAlignChangedVec {
    /// X.
    pub x: f32,
    /// Y.
    pub y: f32,
}
/// Length squared.
#[no_mangle]
pub extern "C" fn struct_align_changed_len2(v: StructAlignChangedVec) -> f32 {
    v.x * v.x + v.y * v.y
}
