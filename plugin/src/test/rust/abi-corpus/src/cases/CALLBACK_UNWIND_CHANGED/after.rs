//! CALLBACK_UNWIND_CHANGED, after: a callback may now unwind.

/// Callback.
pub type CallbackUnwindChangedHook = extern "C-unwind" fn(code: i32);
/// Calls the hook.
#[no_mangle]
pub extern "C" fn callback_unwind_changed_fire(hook: CallbackUnwindChangedHook) {
    hook(1)
}
