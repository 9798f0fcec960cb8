//! A minimal cdylib for ferrule-runtime's loader tests.

/// Adds two numbers; the loader tests call it to prove the library really loaded.
#[no_mangle]
pub extern "C" fn fixture_add(a: i32, b: i32) -> i32 {
    a.wrapping_add(b)
}
