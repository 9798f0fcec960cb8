// error: #[args(..)] names a closure's arguments; this parameter is not a closure
/// Doubles.
#[ferrule_ffi::expose]
pub fn double(#[args(x)] value: i64) -> i64 { // <- here
    value * 2
}
