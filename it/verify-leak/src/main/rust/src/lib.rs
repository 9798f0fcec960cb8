//! Planted leak: every call of `leaky_touch` puts an object in a registry and forgets it.

use ferrule_ffi::{export, memory, Registry};

ferrule_ffi::export_runtime! {
    last_error_message = leaky_last_error_message;
    last_error_length = leaky_last_error_length;
    live_objects = leaky_live_objects;
    live_objects_report = leaky_live_objects_report;
    buffer_free = leaky_buffer_free;
    set_log_callback = leaky_set_log_callback;
    build_info = leaky_build_info;
    abi_fingerprint = leaky_abi_fingerprint;
}

/// Something nobody releases.
pub struct Thing;

static THINGS: Registry<Thing> = Registry::new("Thing");

export! {
    /// Writes `value + 1` to `out`, and (the planted bug) leaks a Thing on every call.
    fn leaky_touch(value: i32, out: *mut i32) non_null(out) {
        let _forgotten = THINGS.insert(Thing);
        unsafe { memory::write_out(out, value.wrapping_add(1)) }
    }
}
