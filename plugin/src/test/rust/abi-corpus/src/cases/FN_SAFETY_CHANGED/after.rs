//! FN_SAFETY_CHANGED, after: a function becomes unsafe.

/// Now unsafe.
///
/// # Safety
/// None really; the marker is what changes.
#[no_mangle]
pub unsafe extern "C" fn fn_safety_changed_read(x: u8) -> u8 {
    x
}
