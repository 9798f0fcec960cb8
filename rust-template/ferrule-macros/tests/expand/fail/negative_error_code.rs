// error: an error code is a positive i32: negative codes are ferrule-ffi's own
/// Errors.
#[ferrule_ffi::error]
pub enum Failure {
    /// Bad.
    Bad = -1, // <- here
}
