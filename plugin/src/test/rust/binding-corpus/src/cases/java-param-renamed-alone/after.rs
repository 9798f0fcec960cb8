//! java-param-renamed-alone, after: a parameter is renamed and its Java type stays.

use ferrule_ffi::{export, memory};

export! {
    /// Scales `delta`.
    fn corpus_renamed_scale(delta: i64, out: *mut i64) non_null(out) {
        unsafe { memory::write_out(out, delta.wrapping_mul(2)) }
    }
}
