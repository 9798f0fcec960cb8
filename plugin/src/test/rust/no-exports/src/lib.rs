//! Fixture: a cdylib that exports nothing to C.

/// A Rust function without #[no_mangle]: not part of any C ABI.
pub fn rust_only(x: i32) -> i32 {
    x + 1
}
