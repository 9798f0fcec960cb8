//! JAVA_PARAMETERS_CHANGED, before: renaming name_len to len makes a String a byte[].

use ferrule_ffi::{export, memory};

export! {
    /// Counts the bytes of `text`.
    fn corpus_params_shout(text: *const u8, text_len: usize, out: *mut u64) non_null(out) {
        let text = unsafe { memory::input_bytes(text, text_len, "text")? };
        unsafe { memory::write_out(out, text.len() as u64) }
    }
}
