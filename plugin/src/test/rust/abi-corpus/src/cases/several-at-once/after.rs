//! several-at-once, after: several breaking changes at once.

/// Point.
#[repr(C)]
pub struct SeveralAtOncePoint {
    /// X.
    pub x: i64,
    /// Y.
    pub y: i64,
}
/// Moves a point.
#[no_mangle]
pub extern "C" fn several_at_once_move(
    point: SeveralAtOncePoint,
    dx: i64,
    dy: i64,
) -> SeveralAtOncePoint {
    SeveralAtOncePoint {
        x: point.x + dx,
        y: point.y + dy,
    }
}
