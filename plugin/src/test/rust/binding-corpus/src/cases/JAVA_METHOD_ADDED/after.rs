//! JAVA_METHOD_ADDED, after: an export the metadata left to the raw class gets a safe method.

use ferrule_ffi::export;

export! {
    /// Pongs with `value`.
    fn corpus_added_pong(value: i64) {
        let _ = value;
        Ok(())
    }
}
