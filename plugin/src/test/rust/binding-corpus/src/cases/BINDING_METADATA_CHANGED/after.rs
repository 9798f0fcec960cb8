//! BINDING_METADATA_CHANGED, after: the metadata makes a call critical, which changes no Java type.

use ferrule_ffi::{export, memory};

export! {
    /// Adds `a` and `b`.
    fn corpus_meta_sum(a: i32, b: i32, out: *mut i32) non_null(out) {
        unsafe { memory::write_out(out, a.wrapping_add(b)) }
    }
}
