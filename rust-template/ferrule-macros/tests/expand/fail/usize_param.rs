// error: `usize` cannot cross to Java: its width depends on the target; use u64 or i64
/// Doubles.
#[ferrule_ffi::expose]
pub fn double(value: usize) -> u64 { // <- here
    value as u64 * 2
}
