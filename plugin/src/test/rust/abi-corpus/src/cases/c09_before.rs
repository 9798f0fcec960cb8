//! Case 09, before: an export loses extern C.

/// C ABI.
#[no_mangle]
pub extern "C" fn c09_plain(x: i32) -> i32 {
    x
}
