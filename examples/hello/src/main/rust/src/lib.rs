//! Ferrule's hello example: plain Rust functions that Java calls through the bindings
//! `ferrule:generate` writes. ferrule-ffi's attributes make the guarded C ABI (a status per
//! call, results through out-parameters, text as pointer and length) and declare what each
//! parameter means; errors arrive in Java as typed exceptions with their messages.
#![forbid(unsafe_code)]

ferrule_ffi::library!();

/// Errors of the hello API.
#[ferrule_ffi::error]
pub enum HelloError {
    /// The sum does not fit in 32 bits.
    #[message("the sum does not fit in 32 bits")]
    Overflow = 1,
}

/// Adds two 32-bit integers; fails with Overflow when the sum does not fit.
#[ferrule_ffi::expose]
pub fn add(a: i32, b: i32) -> Result<i32, HelloError> {
    a.checked_add(b).ok_or(HelloError::Overflow)
}

/// Counts the ASCII vowels of `text`, in either case.
#[ferrule_ffi::expose]
pub fn count_vowels(text: &str) -> u64 {
    text.bytes()
        .filter(|b| matches!(b.to_ascii_lowercase(), b'a' | b'e' | b'i' | b'o' | b'u'))
        .count() as u64
}

/// With the `shout` feature: the length of the greeting in capitals.
#[cfg(feature = "shout")]
#[ferrule_ffi::expose]
pub fn shout_len() -> u32 {
    "HELLO, FERRULE!".len() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_reports_overflow_instead_of_wrapping() {
        assert_eq!(add(40, 2), Ok(42));
        assert_eq!(add(i32::MAX, 1), Err(HelloError::Overflow));
    }

    #[test]
    fn vowels_are_counted_case_insensitively() {
        assert_eq!(count_vowels("Hello, Ferrule"), 5);
        assert_eq!(count_vowels(""), 0);
    }
}
