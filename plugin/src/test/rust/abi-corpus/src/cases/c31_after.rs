//! Case 31, after: a callback gains a parameter.

/// Callback.
pub type C31Handler = extern "C" fn(code: i32, detail: u64) -> i32;
/// Calls the handler.
#[no_mangle]
pub extern "C" fn c31_run(handler: C31Handler) -> i32 {
    handler(1, 2)
}
