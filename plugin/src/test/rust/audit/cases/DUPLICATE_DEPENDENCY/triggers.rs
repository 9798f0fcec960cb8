
/// Both versions.
pub fn versions() -> u32 {
    one::VERSION + two::VERSION
}
