//! Planted use-after-free in a Rust test, which ferrule:test's AddressSanitizer run must catch.

use ferrule_ffi::{export, memory};

ferrule_ffi::export_runtime! {
    last_error_message = freed_last_error_message;
    last_error_length = freed_last_error_length;
    live_objects = freed_live_objects;
    live_objects_report = freed_live_objects_report;
    buffer_free = freed_buffer_free;
    set_log_callback = freed_set_log_callback;
    build_info = freed_build_info;
    abi_fingerprint = freed_abi_fingerprint;
}

export! {
    /// Writes `a + b` to `out` (wrapping).
    fn freed_add(a: i32, b: i32, out: *mut i32) non_null(out) {
        unsafe { memory::write_out(out, a.wrapping_add(b)) }
    }
}

#[cfg(test)]
mod tests {
    /// Reads a freed box. Only under AddressSanitizer (ferrule:test sets FERRULE_SANITIZER),
    /// because anywhere else it is plain undefined behaviour.
    #[test]
    fn reads_freed_memory() {
        if std::env::var("FERRULE_SANITIZER").as_deref() != Ok("address") {
            return;
        }
        let freed = Box::into_raw(Box::new(7_u64));
        // SAFETY: none; this is the planted bug.
        unsafe { drop(Box::from_raw(freed)) };
        let value = unsafe { std::ptr::read_volatile(freed) };
        assert_ne!(value, 1);
    }
}
