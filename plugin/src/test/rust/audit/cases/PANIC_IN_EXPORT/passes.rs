
/// Parses a constant, without unwrap.
#[no_mangle]
pub extern "C" fn audit_parse_checked() -> i32 {
    guard(|| "7".parse::<i32>().unwrap_or(-1))
}
