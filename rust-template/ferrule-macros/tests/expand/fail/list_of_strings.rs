// error: `Vec<String>` cannot cross to Java: lists of other than bytes are the next step
/// Counts.
#[ferrule_ffi::expose]
pub fn count(names: Vec<String>) -> u64 { // <- here
    names.len() as u64
}
