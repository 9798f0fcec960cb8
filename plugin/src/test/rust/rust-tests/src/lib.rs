//! Fixture for `ferrule:test`: passing, ignored and (behind features) failing and crashing tests.

/// Adds two numbers.
///
/// ```
/// assert_eq!(rust_tests_fixture::add(2, 3), 5);
/// ```
pub fn add(a: i32, b: i32) -> i32 {
    a + b
}

#[cfg(test)]
mod tests {
    use super::add;

    #[test]
    fn adds() {
        assert_eq!(add(1, 2), 3);
    }

    #[test]
    #[ignore = "shows up as skipped"]
    fn ignored_one() {}

    #[cfg(feature = "planted-failure")]
    #[test]
    fn planted_failure() {
        assert_eq!(add(2, 2), 5, "planted: two and two");
    }

    /// Reads a freed box, only under AddressSanitizer (ferrule:test sets FERRULE_SANITIZER there):
    /// elsewhere this would be plain undefined behaviour.
    #[cfg(feature = "planted-uaf")]
    #[test]
    fn planted_use_after_free() {
        if std::env::var("FERRULE_SANITIZER").as_deref() != Ok("address") {
            return;
        }
        let freed = Box::into_raw(Box::new(0x5eed_u64));
        // SAFETY: none; this is the bug ASan must catch.
        unsafe { drop(Box::from_raw(freed)) };
        let value = unsafe { std::ptr::read_volatile(freed) };
        assert_ne!(value, 1);
    }
}
