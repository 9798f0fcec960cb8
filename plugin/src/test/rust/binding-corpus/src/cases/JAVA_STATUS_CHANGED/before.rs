//! JAVA_STATUS_CHANGED, before: the metadata makes an i32 status a value.

use ferrule_ffi::export;

export! {
    /// Checks `value`.
    fn corpus_status_code(value: i32) {
        let _ = value;
        Ok(())
    }
}
