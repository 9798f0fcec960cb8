//! Planted missing null check: `crashy_length` reads its text without checking the pointer.

use ferrule_ffi::{export, memory};

ferrule_ffi::export_runtime! {
    last_error_message = crashy_last_error_message;
    last_error_length = crashy_last_error_length;
    live_objects = crashy_live_objects;
    live_objects_report = crashy_live_objects_report;
    buffer_free = crashy_buffer_free;
    set_log_callback = crashy_set_log_callback;
    build_info = crashy_build_info;
    abi_fingerprint = crashy_abi_fingerprint;
}

export! {
    /// Writes the number of bytes of `text` that are not zero to `out`. Planted bug: `text` is
    /// read directly, not through `memory::input_str`, so a null pointer is dereferenced.
    fn crashy_length(text: *const u8, text_len: usize, out: *mut u64) non_null(out) {
        let mut count = 0_u64;
        for i in 0..text_len {
            // SAFETY: none for a null `text`; that is the planted crash.
            if unsafe { std::ptr::read_volatile(text.add(i)) } != 0 {
                count += 1;
            }
        }
        unsafe { memory::write_out(out, count) }
    }

    /// Writes `a + 1` to `out` (wrapping).
    fn crashy_increment(a: i32, out: *mut i32) non_null(out) {
        unsafe { memory::write_out(out, a.wrapping_add(1)) }
    }
}
