//! The thread's last error message, bounded and copied out safely for UTF-8.

use std::cell::RefCell;

/// Messages longer than this are cut at a character boundary, so a failing call can never
/// make the thread-local grow without bound.
pub const MAX_MESSAGE_BYTES: usize = 1024;

thread_local! {
    static LAST_ERROR: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Records `message` as this thread's last error, cut to [`MAX_MESSAGE_BYTES`].
pub fn set(message: &str) {
    let cut = &message[..floor_char_boundary(message, MAX_MESSAGE_BYTES)];
    LAST_ERROR.with(|last| {
        let mut last = last.borrow_mut();
        last.clear();
        last.push_str(cut);
    });
}

/// Clears this thread's last error.
pub fn clear() {
    LAST_ERROR.with(|last| last.borrow_mut().clear());
}

/// This thread's last error message.
pub fn get() -> String {
    LAST_ERROR.with(|last| last.borrow().clone())
}

/// The full length in bytes of this thread's last error message.
pub fn len() -> usize {
    LAST_ERROR.with(|last| last.borrow().len())
}

/// Copies the last error into `buf` (capacity `cap` bytes) and returns how many bytes it wrote.
/// A message longer than `cap` is cut at a character boundary, so the bytes written are always
/// valid UTF-8; compare the result with [`len`] to detect the cut.
///
/// # Safety
/// `buf` must point to `cap` writable bytes, or be null (then nothing is written).
pub unsafe fn copy_to(buf: *mut u8, cap: usize) -> usize {
    if buf.is_null() || cap == 0 {
        return 0;
    }
    LAST_ERROR.with(|last| {
        let last = last.borrow();
        let n = floor_char_boundary(&last, cap);
        // SAFETY: the caller guarantees `cap` writable bytes at `buf`, and n <= cap.
        unsafe { std::ptr::copy_nonoverlapping(last.as_ptr(), buf, n) };
        n
    })
}

/// The largest index `<= max` that is a character boundary of `text`.
pub fn floor_char_boundary(text: &str, max: usize) -> usize {
    if max >= text.len() {
        return text.len();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    end
}
