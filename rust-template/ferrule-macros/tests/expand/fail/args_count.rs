// error: the closure takes 2 argument(s); #[args(..)] names 1
/// Folds.
#[ferrule_ffi::expose]
pub fn fold(#[args(total)] step: impl Fn(i64, i64) -> i64) -> i64 { // <- here
    step(0, 1)
}
