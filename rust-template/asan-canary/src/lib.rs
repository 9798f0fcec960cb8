//! A planted use-after-free. `.ci/rust-test` runs it under AddressSanitizer and requires ASan to
//! report it; if ASan stayed quiet, the sanitizer pass over the real crates would prove nothing.

#[cfg(test)]
mod tests {
    /// Reads a freed box. Ignored unless `FERRULE_ASAN_CANARY=1`, because without ASan this is
    /// plain undefined behaviour.
    #[test]
    fn planted_use_after_free() {
        if std::env::var_os("FERRULE_ASAN_CANARY").is_none() {
            return;
        }
        let freed = Box::into_raw(Box::new(0x5eed_u64));
        // SAFETY: none; this is the bug ASan must catch.
        unsafe { drop(Box::from_raw(freed)) };
        let value = unsafe { std::ptr::read_volatile(freed) };
        assert_ne!(value, 1);
    }
}
