//! several-at-once, before: several breaking changes at once.

/// Point.
#[repr(C)]
pub struct SeveralAtOncePoint {
    /// X.
    pub x: i32,
    /// Y.
    pub y: i32,
}
/// Moves a point.
#[no_mangle]
pub extern "C" fn several_at_once_move(point: SeveralAtOncePoint, dx: i32) -> SeveralAtOncePoint {
    SeveralAtOncePoint {
        x: point.x + dx,
        y: point.y,
    }
}
/// Old helper.
#[no_mangle]
pub extern "C" fn several_at_once_helper() -> i32 {
    0
}
