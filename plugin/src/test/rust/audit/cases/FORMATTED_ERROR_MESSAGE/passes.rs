
/// Rejects `code` with a fixed message.
#[no_mangle]
pub extern "C" fn audit_reject_plainly(code: i32) -> i32 {
    guard(|| {
        if code != 0 {
            set_last_error("the code is not accepted".to_owned());
            return 1;
        }
        OK
    })
}
