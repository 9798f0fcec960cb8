//! Case 32, after: a callback may now unwind.

/// Callback.
pub type C32Hook = extern "C-unwind" fn(code: i32);
/// Calls the hook.
#[no_mangle]
pub extern "C" fn c32_fire(hook: C32Hook) {
    hook(1)
}
