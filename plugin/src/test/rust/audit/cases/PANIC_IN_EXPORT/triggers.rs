
/// Parses a constant, with unwrap.
#[no_mangle]
pub extern "C" fn audit_parse() -> i32 {
    guard(|| "7".parse::<i32>().unwrap())
}
