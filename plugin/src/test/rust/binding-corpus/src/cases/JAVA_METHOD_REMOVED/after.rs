//! JAVA_METHOD_REMOVED, after: the metadata leaves an export to the raw class.

use ferrule_ffi::export;

export! {
    /// Pings with `value`.
    fn corpus_removed_ping(value: i64) {
        let _ = value;
        Ok(())
    }
}
