//! A healthy ferrule-ffi crate: a handle type, a string function, and a division whose
//! panic on a zero divisor (planted) must reach Java as an exception, never a crash.

use ferrule_ffi::{export, memory, FfiBuffer, Registry};

ferrule_ffi::export_runtime! {
    last_error_message = healthy_last_error_message;
    last_error_length = healthy_last_error_length;
    live_objects = healthy_live_objects;
    live_objects_report = healthy_live_objects_report;
    buffer_free = healthy_buffer_free;
    set_log_callback = healthy_set_log_callback;
    build_info = healthy_build_info;
    abi_fingerprint = healthy_abi_fingerprint;
}

/// A note behind a handle.
pub struct Note {
    text: String,
}

static NOTES: Registry<Note> = Registry::new("Note");

/// A second handle type, so the contract tests pass a note function a handle of another type.
pub struct Tag;

static TAGS: Registry<Tag> = Registry::new("Tag");

export! {
    /// Creates a note and writes its handle to `out`.
    fn healthy_note_new(text: *const u8, text_len: usize, out: *mut u64) non_null(out) {
        let text = unsafe { memory::input_str(text, text_len, "text")? }.to_owned();
        unsafe { memory::write_out(out, NOTES.insert(Note { text })) }
    }

    /// Releases a note.
    fn healthy_note_release(note: u64) {
        NOTES.remove(note)
    }

    /// Writes the note's length in bytes to `out`.
    fn healthy_note_len(note: u64, out: *mut u64) non_null(out) {
        let note = NOTES.get(note)?;
        unsafe { memory::write_out(out, note.text.len() as u64) }
    }

    /// Creates a tag and writes its handle to `out`.
    fn healthy_tag_new(out: *mut u64) non_null(out) {
        unsafe { memory::write_out(out, TAGS.insert(Tag)) }
    }

    /// Releases a tag.
    fn healthy_tag_release(tag: u64) {
        TAGS.remove(tag)
    }

    /// Writes `text` in upper case to a new buffer at `out`.
    fn healthy_shout(text: *const u8, text_len: usize, out: *mut FfiBuffer) non_null(out) {
        let text = unsafe { memory::input_str(text, text_len, "text")? };
        unsafe { memory::write_out(out, FfiBuffer::from_string(text.to_uppercase())) }
    }

    /// Writes `a / b` to `out`. Planted: a zero divisor (or i32::MIN / -1) panics.
    fn healthy_divide(a: i32, b: i32, out: *mut i32) non_null(out) {
        unsafe { memory::write_out(out, a / b) }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn divides() {
        let mut out = 0;
        assert_eq!(unsafe { super::healthy_divide(7, 2, &mut out) }, 0);
        assert_eq!(out, 3);
    }
}
