//! Case 09, after: an export loses extern C.

/// Rust ABI, still exported.
#[no_mangle]
pub fn c09_plain(x: i32) -> i32 {
    x
}
