//! Case 25, after: a struct gains an alignment.

/// Vector.
#[repr(C, align(16))]
pub struct C25Vec {
    /// X.
    pub x: f32,
    /// Y.
    pub y: f32,
}
/// Length squared.
#[no_mangle]
pub extern "C" fn c25_len2(v: C25Vec) -> f32 {
    v.x * v.x + v.y * v.y
}
