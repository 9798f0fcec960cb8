//! A ferrule-ffi crate with a planted bug that only some inputs reach: `fuzzy_shout` panics on
//! text that contains '!'. The panic arrives in Java as an exception, so no contract breaks; the
//! fuzzer must still find the input and keep it as a regression case.

use ferrule_ffi::{export, memory, FfiBuffer};

ferrule_ffi::export_runtime! {
    last_error_message = fuzzy_last_error_message;
    last_error_length = fuzzy_last_error_length;
    live_objects = fuzzy_live_objects;
    live_objects_report = fuzzy_live_objects_report;
    buffer_free = fuzzy_buffer_free;
    set_log_callback = fuzzy_set_log_callback;
    build_info = fuzzy_build_info;
    abi_fingerprint = fuzzy_abi_fingerprint;
}

export! {
    /// Writes `text` in upper case to a new buffer at `out`.
    fn fuzzy_shout(text: *const u8, text_len: usize, out: *mut FfiBuffer) non_null(out) {
        let text = unsafe { memory::input_str(text, text_len, "text")? };
        // Planted: an assumption that no caller ever sends '!'.
        assert!(!text.contains('!'), "unexpected '!' in {text:?}");
        unsafe { memory::write_out(out, FfiBuffer::from_string(text.to_uppercase())) }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn shouts() {
        let text = "hi";
        let mut out = ferrule_ffi::FfiBuffer::EMPTY;
        assert_eq!(unsafe { super::fuzzy_shout(text.as_ptr(), text.len(), &mut out) }, 0);
        unsafe { super::fuzzy_buffer_free(out) };
    }
}
