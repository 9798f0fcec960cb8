//! JAVA_RESULT_CHANGED, after: an out-parameter widens, and the Java result with it.

use ferrule_ffi::{export, memory};

export! {
    /// Writes a count to `out`.
    fn corpus_result_count(out: *mut i64) non_null(out) {
        unsafe { memory::write_out(out, 7) }
    }
}
