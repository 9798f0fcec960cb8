//! Ferrule's hello example: a few C-ABI exports that Java calls through FFM.
#![deny(unsafe_op_in_unsafe_fn)]

/// Adds two 32-bit integers, wrapping on overflow so the call can never panic.
#[no_mangle]
pub extern "C" fn hello_add(a: i32, b: i32) -> i32 {
    a.wrapping_add(b)
}

/// Counts the ASCII vowels in a UTF-8 string passed as (pointer, length).
///
/// Returns -1 when `ptr` is null and `len` is not zero. Java keeps ownership of the bytes;
/// they are only read during the call.
///
/// # Safety
/// `ptr` must point to `len` readable bytes, or be null when `len` is 0.
#[no_mangle]
pub unsafe extern "C" fn hello_count_vowels(ptr: *const u8, len: usize) -> i64 {
    let bytes: &[u8] = if len == 0 {
        &[]
    } else if ptr.is_null() {
        return -1;
    } else {
        // SAFETY: the caller guarantees `len` readable bytes at `ptr`.
        unsafe { std::slice::from_raw_parts(ptr, len) }
    };
    count_vowels(bytes)
}

/// With the `shout` feature: the length of the greeting in capitals.
#[cfg(feature = "shout")]
#[no_mangle]
pub extern "C" fn hello_shout_len() -> i64 {
    "HELLO, FERRULE!".len() as i64
}

fn count_vowels(bytes: &[u8]) -> i64 {
    bytes
        .iter()
        .filter(|b| matches!(b.to_ascii_lowercase(), b'a' | b'e' | b'i' | b'o' | b'u'))
        .count() as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_wraps_instead_of_panicking() {
        assert_eq!(hello_add(i32::MAX, 1), i32::MIN);
    }

    #[test]
    fn vowels_are_counted_case_insensitively() {
        let text = "Hello, Ferrule";
        assert_eq!(unsafe { hello_count_vowels(text.as_ptr(), text.len()) }, 5);
    }

    #[test]
    fn null_with_length_is_rejected() {
        assert_eq!(unsafe { hello_count_vowels(std::ptr::null(), 3) }, -1);
        assert_eq!(unsafe { hello_count_vowels(std::ptr::null(), 0) }, 0);
    }
}
