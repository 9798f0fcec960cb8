//! Case 50, before: several breaking changes at once.

/// Point.
#[repr(C)]
pub struct C50Point {
    /// X.
    pub x: i32,
    /// Y.
    pub y: i32,
}
/// Moves a point.
#[no_mangle]
pub extern "C" fn c50_move(point: C50Point, dx: i32) -> C50Point {
    C50Point {
        x: point.x + dx,
        y: point.y,
    }
}
/// Old helper.
#[no_mangle]
pub extern "C" fn c50_helper() -> i32 {
    0
}
