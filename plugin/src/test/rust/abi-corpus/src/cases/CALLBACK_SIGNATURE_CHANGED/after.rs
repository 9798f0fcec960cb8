//! CALLBACK_SIGNATURE_CHANGED, after: a callback gains a parameter.

/// Callback.
pub type CallbackSignatureChangedHandler = extern "C" fn(code: i32, detail: u64) -> i32;
/// Calls the handler.
#[no_mangle]
pub extern "C" fn callback_signature_changed_run(handler: CallbackSignatureChangedHandler) -> i32 {
    handler(1, 2)
}
