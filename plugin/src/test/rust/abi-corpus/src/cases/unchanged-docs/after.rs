//! unchanged-docs, after: only documentation changes.

/// Adds one, wrapping on overflow.
#[no_mangle]
pub extern "C" fn unchanged_docs_inc(x: i32) -> i32 {
    x.wrapping_add(1)
}
