//! Case 50, after: several breaking changes at once.

/// Point.
#[repr(C)]
pub struct C50Point {
    /// X.
    pub x: i64,
    /// Y.
    pub y: i64,
}
/// Moves a point.
#[no_mangle]
pub extern "C" fn c50_move(point: C50Point, dx: i64, dy: i64) -> C50Point {
    C50Point {
        x: point.x + dx,
        y: point.y + dy,
    }
}
