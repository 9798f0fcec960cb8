//! Status codes and the thread-local last error, the way C libraries report failure.

use libc::{c_char, c_int, size_t, ssize_t};
use std::any::Any;
use std::cell::RefCell;
use std::ffi::CString;
use std::ptr;
use std::sync::Mutex;

/// Told about every panic an export caught; it may unwind (a C++ host throwing), hence C-unwind.
type PanicHook = unsafe extern "C-unwind" fn(message: *const c_char);

static PANIC_HOOK: Mutex<Option<PanicHook>> = Mutex::new(None);

/// The call succeeded.
pub const TINYKV_OK: c_int = 0;
/// A required pointer argument was null.
pub const TINYKV_ERR_NULL: c_int = 1;
/// No entry has that key.
pub const TINYKV_ERR_NOT_FOUND: c_int = 2;
/// The store is at its capacity.
pub const TINYKV_ERR_FULL: c_int = 3;
/// A key or path was not valid UTF-8.
pub const TINYKV_ERR_UTF8: c_int = 4;
/// The caller's buffer is too small; the call returned the size it needs.
pub const TINYKV_ERR_BUFFER: c_int = 5;
/// A line of imported text is not `key=value`.
pub const TINYKV_ERR_SYNTAX: c_int = 6;
/// Rust panicked; see `tinykv_last_error_message`.
pub const TINYKV_ERR_PANIC: c_int = 99;

thread_local! {
    static LAST_ERROR: RefCell<Option<CString>> = const { RefCell::new(None) };
}

pub(crate) fn set_last_error(message: &str) {
    let text = CString::new(message.replace('\0', " ")).unwrap_or_default();
    LAST_ERROR.with(|slot| *slot.borrow_mut() = Some(text));
}

pub(crate) fn fail(code: c_int, message: &str) -> c_int {
    set_last_error(message);
    code
}

pub(crate) fn panic_message(payload: &Box<dyn Any + Send>) -> String {
    let message = if let Some(text) = payload.downcast_ref::<&str>() {
        format!("panic: {text}")
    } else if let Some(text) = payload.downcast_ref::<String>() {
        format!("panic: {text}")
    } else {
        "panic".to_owned()
    };
    let hook = PANIC_HOOK.lock().map(|hook| *hook).unwrap_or(None);
    if let (Some(hook), Ok(text)) = (hook, CString::new(message.clone())) {
        // SAFETY: the host installed the hook and keeps it callable.
        unsafe { hook(text.as_ptr()) };
    }
    message
}

/// What an export returns when its body panicked.
pub trait OnPanic {
    fn on_panic() -> Self;
}

impl OnPanic for c_int {
    fn on_panic() -> Self {
        TINYKV_ERR_PANIC
    }
}

impl OnPanic for ssize_t {
    fn on_panic() -> Self {
        -(TINYKV_ERR_PANIC as ssize_t)
    }
}

impl OnPanic for size_t {
    fn on_panic() -> Self {
        0
    }
}

impl OnPanic for u64 {
    fn on_panic() -> Self {
        0
    }
}

impl OnPanic for bool {
    fn on_panic() -> Self {
        false
    }
}

impl OnPanic for () {
    fn on_panic() -> Self {}
}

impl<T> OnPanic for *mut T {
    fn on_panic() -> Self {
        ptr::null_mut()
    }
}

impl<T> OnPanic for *const T {
    fn on_panic() -> Self {
        ptr::null()
    }
}

ffi_fn! {
    /// The message of the last failed call on this thread, or null. Valid until the next call
    /// on this thread; do not free it.
    fn tinykv_last_error_message() -> *const c_char {
        LAST_ERROR.with(|slot| slot.borrow().as_ref().map_or(ptr::null(), |text| text.as_ptr()))
    }
}

ffi_fn! {
    /// Installs a function told about every caught panic, or removes it when `hook` is null.
    fn tinykv_set_panic_hook(hook: Option<unsafe extern "C-unwind" fn(message: *const c_char)>) -> c_int {
        match PANIC_HOOK.lock() {
            Ok(mut slot) => {
                *slot = hook;
                TINYKV_OK
            }
            Err(_) => fail(TINYKV_ERR_PANIC, "the panic hook lock is poisoned"),
        }
    }
}
