//! Scenario crate for merging per-platform builds: one export each platform's probe calls.

use ferrule_ffi::{export, memory};

ferrule_ffi::export_runtime! {
    last_error_message = meter_last_error_message;
    last_error_length = meter_last_error_length;
    live_objects = meter_live_objects;
    live_objects_report = meter_live_objects_report;
    buffer_free = meter_buffer_free;
    set_log_callback = meter_set_log_callback;
    build_info = meter_build_info;
    abi_fingerprint = meter_abi_fingerprint;
}

export! {
    /// Writes `value * 2` to `out`.
    fn meter_scale(value: i64, out: *mut i64) non_null(out) {
        unsafe { memory::write_out(out, value.wrapping_mul(2)) }
    }
}
