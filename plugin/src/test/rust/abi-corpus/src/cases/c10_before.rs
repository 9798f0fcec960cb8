//! Case 10, before: a function becomes unsafe.

/// Safe.
#[no_mangle]
pub extern "C" fn c10_read(x: u8) -> u8 {
    x
}
