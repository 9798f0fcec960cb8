
/// Rejects `code`, echoing it into the error message.
#[no_mangle]
pub extern "C" fn audit_reject(code: i32) -> i32 {
    guard(|| {
        set_last_error(format!("rejected code {code}"));
        1
    })
}
