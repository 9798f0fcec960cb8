
/// Anyone may write it.
#[no_mangle]
pub static mut AUDIT_LEVEL: i32 = 0;
