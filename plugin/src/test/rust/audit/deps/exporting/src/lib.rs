//! A dependency that exports a symbol of its own into whatever cdylib links it.

/// Not declared by the crates that link this one.
#[no_mangle]
pub extern "C" fn audit_exporting_marker() -> i32 {
    1
}
