//! Ferrule's hello example: a few guarded C-ABI exports that Java calls through the bindings
//! `ferrule:generate` writes. Every export returns a status (0 on success) and writes its result
//! through `out`; failures carry a message Java turns into an exception.
#![deny(unsafe_op_in_unsafe_fn)]

use ferrule_ffi::{export, memory, FfiError, RuntimeError};

ferrule_ffi::error_enum! {
    /// Errors of the hello API.
    pub enum HelloError {
        /// The sum does not fit in 32 bits.
        Overflow = 1 => "the sum does not fit in 32 bits",
    }
}

ferrule_ffi::export_runtime! {
    last_error_message = hello_last_error_message;
    last_error_length = hello_last_error_length;
    live_objects = hello_live_objects;
    live_objects_report = hello_live_objects_report;
    buffer_free = hello_buffer_free;
    set_log_callback = hello_set_log_callback;
    build_info = hello_build_info;
    abi_fingerprint = hello_abi_fingerprint;
}

export! {
    /// Adds two 32-bit integers into `out`. Errors: Overflow when the sum does not fit.
    fn hello_add(a: i32, b: i32, out: *mut i32) non_null(out) {
        let sum = a.checked_add(b).ok_or(HelloError::Overflow)?;
        unsafe { memory::write_out(out, sum) }
    }

    /// Counts the ASCII vowels of `text` (UTF-8, pointer and length; empty is fine) into `out`.
    /// Errors: INVALID_UTF8.
    fn hello_count_vowels(text: *const u8, text_len: usize, out: *mut i64) non_null(out) {
        let text = unsafe { memory::input_str(text, text_len, "text")? };
        let vowels = text
            .bytes()
            .filter(|b| matches!(b.to_ascii_lowercase(), b'a' | b'e' | b'i' | b'o' | b'u'))
            .count();
        let vowels = i64::try_from(vowels).map_err(|_| {
            FfiError::runtime(RuntimeError::InvalidArgument, "text is too long to count")
        })?;
        unsafe { memory::write_out(out, vowels) }
    }
}

#[cfg(feature = "shout")]
export! {
    /// With the `shout` feature: writes the length of the greeting in capitals to `out`.
    fn hello_shout_len(out: *mut i64) non_null(out) {
        unsafe { memory::write_out(out, "HELLO, FERRULE!".len() as i64) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_reports_overflow_instead_of_wrapping() {
        let mut out = 0;
        assert_eq!(unsafe { hello_add(40, 2, &mut out) }, 0);
        assert_eq!(out, 42);
        assert_eq!(unsafe { hello_add(i32::MAX, 1, &mut out) }, 1);
    }

    #[test]
    fn vowels_are_counted_case_insensitively() {
        let text = "Hello, Ferrule";
        let mut out = 0;
        assert_eq!(
            unsafe { hello_count_vowels(text.as_ptr(), text.len(), &mut out) },
            0
        );
        assert_eq!(out, 5);
    }

    #[test]
    fn null_text_with_length_is_rejected() {
        let mut out = 0;
        assert_eq!(
            unsafe { hello_count_vowels(std::ptr::null(), 3, &mut out) },
            RuntimeError::NullArgument.code()
        );
    }
}
