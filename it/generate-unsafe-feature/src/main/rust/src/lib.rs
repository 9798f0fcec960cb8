//! A ferrule-ffi library with a risky feature, for the load-time check.

use ferrule_ffi::{export, memory};

ferrule_ffi::export_runtime! {
    last_error_message = risky_last_error_message;
    last_error_length = risky_last_error_length;
    live_objects = risky_live_objects;
    live_objects_report = risky_live_objects_report;
    buffer_free = risky_buffer_free;
    set_log_callback = risky_set_log_callback;
    build_info = risky_build_info;
    abi_fingerprint = risky_abi_fingerprint;
}

export! {
    /// Writes 42 to `out`, or 43 when built with `unsafe-fast`.
    fn risky_answer(out: *mut i32) non_null(out) {
        let answer = if cfg!(feature = "unsafe-fast") { 43 } else { 42 };
        unsafe { memory::write_out(out, answer) }
    }
}
