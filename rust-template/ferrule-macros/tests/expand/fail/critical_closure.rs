// error: a critical export must not call back into Java
/// Applies.
#[ferrule_ffi::expose(critical)]
pub fn apply(step: impl Fn(i64) -> i64) -> i64 { // <- here
    step(0)
}
