// error: `String` is not an error enum of the library
/// Parses.
#[ferrule_ffi::expose]
pub fn parse(text: &str) -> Result<i64, String> { // <- here
    text.parse::<i64>().map_err(|e| e.to_string())
}
