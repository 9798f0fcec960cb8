
/// Read-only for everyone.
#[no_mangle]
pub static AUDIT_VERSION: i32 = 1;
