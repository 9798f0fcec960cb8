// error: `Point` cannot cross from Java by value
/// A point without #[ferrule_ffi::record].
#[derive(Clone, Copy)]
pub struct Point {
    /// x.
    pub x: i32,
}

/// Reads x.
#[ferrule_ffi::expose]
pub fn x_of(point: Point) -> i32 { // <- here
    point.x
}
