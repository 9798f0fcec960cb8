
/// One version.
pub fn version() -> u32 {
    one::VERSION
}
