//! java-param-renamed-alone, before: a parameter is renamed and its Java type stays.

use ferrule_ffi::{export, memory};

export! {
    /// Scales `amount`.
    fn corpus_renamed_scale(amount: i64, out: *mut i64) non_null(out) {
        unsafe { memory::write_out(out, amount.wrapping_mul(2)) }
    }
}
