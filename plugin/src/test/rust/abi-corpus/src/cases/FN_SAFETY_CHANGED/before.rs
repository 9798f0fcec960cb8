//! FN_SAFETY_CHANGED, before: a function becomes unsafe.

/// Safe.
#[no_mangle]
pub extern "C" fn fn_safety_changed_read(x: u8) -> u8 {
    x
}
