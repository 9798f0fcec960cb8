//! Case 10, after: a function becomes unsafe.

/// Now unsafe.
///
/// # Safety
/// None really; the marker is what changes.
#[no_mangle]
pub unsafe extern "C" fn c10_read(x: u8) -> u8 {
    x
}
