//! A ferrule-ffi crate written against the generated Java: its parameters carry the names the
//! bindings use for their own locals (`frame`, `mark`, `status`, `result`, `arena`, `out`,
//! `handle`, `self_`, `e`, `t`, `context`, `allocator`), its record's fields the names of the
//! record's own parameters, and its object types have two-word names, `byte_buffer` and
//! `name_tag`. The bindings must compile without warnings and pass every value to the place it
//! belongs; each object's methods must refuse the other's handles.
#![deny(unsafe_op_in_unsafe_fn)]

use ferrule_ffi::{export, memory, FfiBuffer, FfiError, Registry};
use std::sync::{Mutex, PoisonError};

ferrule_ffi::export_runtime! {
    last_error_message = clash_last_error_message;
    last_error_length = clash_last_error_length;
    live_objects = clash_live_objects;
    live_objects_report = clash_live_objects_report;
    buffer_free = clash_buffer_free;
    set_log_callback = clash_set_log_callback;
    build_info = clash_build_info;
    abi_fingerprint = clash_abi_fingerprint;
}

/// Bytes behind a handle.
pub struct ByteBuffer {
    bytes: Mutex<Vec<u8>>,
}

static BUFFERS: Registry<ByteBuffer> = Registry::new("ByteBuffer");

/// A numbered tag: a second object type, so that each type's handles meet the other's.
pub struct NameTag {
    id: i64,
}

static TAGS: Registry<NameTag> = Registry::new("NameTag");

/// Two offsets named like the parameters of the record Java makes of it.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    /// Where the span starts.
    pub segment: i64,
    /// Where the span ends.
    pub allocator: i64,
}

/// A callback whose parameter is named like the upcall target's own local.
pub type Visit = extern "C" fn(context: i64, user_data: usize) -> i32;

/// Sums its arguments with a different weight each, so that a swapped or lost one shows.
fn weighed(values: &[i64]) -> i64 {
    values
        .iter()
        .zip([1_i64, 2, 3, 5, 7, 11, 13])
        .fold(0_i64, |sum, (value, weight)| {
            sum.wrapping_add(value.wrapping_mul(weight))
        })
}

export! {
    /// Creates an empty byte buffer with room for `capacity` bytes and writes its handle to `out`.
    fn clash_byte_buffer_new(capacity: u64, out: *mut u64) non_null(out) {
        let capacity = usize::try_from(capacity.min(1 << 20)).unwrap_or(0);
        let handle = BUFFERS.insert(ByteBuffer {
            bytes: Mutex::new(Vec::with_capacity(capacity)),
        });
        unsafe { memory::write_out(out, handle) }
    }

    /// Releases a byte buffer handle.
    fn clash_byte_buffer_release(byte_buffer: u64) {
        BUFFERS.remove(byte_buffer)
    }

    /// Writes a second handle to the same byte buffer to `out`.
    fn clash_byte_buffer_clone(byte_buffer: u64, out: *mut u64) non_null(out) {
        let handle = BUFFERS.clone_handle(byte_buffer)?;
        unsafe { memory::write_out(out, handle) }
    }

    /// Appends `len` bytes at `data` and writes the buffer's new length to `out`.
    fn clash_byte_buffer_append(byte_buffer: u64, data: *const u8, len: usize, out: *mut u64) non_null(out) {
        let buffer = BUFFERS.get(byte_buffer)?;
        let data = unsafe { memory::input_bytes(data, len, "data")? };
        let mut bytes = buffer.bytes.lock().unwrap_or_else(PoisonError::into_inner);
        bytes.extend_from_slice(data);
        unsafe { memory::write_out(out, bytes.len() as u64) }
    }

    /// Writes the byte buffer's length to `out`.
    fn clash_byte_buffer_len(byte_buffer: u64, out: *mut u64) non_null(out) {
        let buffer = BUFFERS.get(byte_buffer)?;
        let len = buffer.bytes.lock().unwrap_or_else(PoisonError::into_inner).len();
        unsafe { memory::write_out(out, len as u64) }
    }

    /// Creates a name tag numbered `id` and writes its handle to `out`.
    fn clash_name_tag_new(id: i64, out: *mut u64) non_null(out) {
        let handle = TAGS.insert(NameTag { id });
        unsafe { memory::write_out(out, handle) }
    }

    /// Releases a name tag handle.
    fn clash_name_tag_release(name_tag: u64) {
        TAGS.remove(name_tag)
    }

    /// Writes the name tag's number to `out`.
    fn clash_name_tag_id(name_tag: u64, out: *mut i64) non_null(out) {
        let tag = TAGS.get(name_tag)?;
        unsafe { memory::write_out(out, tag.id) }
    }

    /// Weighs each argument differently (1, 2, 3, 5, 7, 11, 13) and writes the sum to `out`.
    fn clash_locals(
        frame: i64,
        mark: i64,
        status: i32,
        result: i64,
        arena: i64,
        handle: i64,
        self_: i64,
        out: *mut i64
    ) non_null(out) {
        let sum = weighed(&[frame, mark, i64::from(status), result, arena, handle, self_]);
        unsafe { memory::write_out(out, sum) }
    }

    /// Writes `frame` (UTF-8 text), a `#` and `mark` to a new buffer at `out`.
    fn clash_label(frame: *const u8, frame_len: usize, mark: i32, out: *mut FfiBuffer) non_null(out) {
        let frame = unsafe { memory::input_str(frame, frame_len, "frame")? };
        unsafe { memory::write_out(out, FfiBuffer::from_string(format!("{frame}#{mark}"))) }
    }

    /// Doubles `out`, an ordinary value here, into `result`, the out-parameter.
    fn clash_out_value(out: i64, result: *mut i64) non_null(result) {
        unsafe { memory::write_out(result, out.wrapping_mul(2)) }
    }

    /// Writes `e - t` to `out`: the raw layer's catch clauses must not shadow `e` or `t`.
    fn clash_catch(e: i64, t: i64, out: *mut i64) non_null(out) {
        unsafe { memory::write_out(out, e.wrapping_sub(t)) }
    }

    /// Writes the width of `span` (its end minus its start) to `out`.
    fn clash_span_width(span: *const Span, out: *mut i64) non_null(span, out) {
        // SAFETY: non-null was checked; the caller passes a readable Span.
        let span = unsafe { span.read() };
        unsafe { memory::write_out(out, span.allocator.wrapping_sub(span.segment)) }
    }

    /// Calls `visit` with `context` and writes what it returns to `out`.
    fn clash_visit(context: i64, visit: Option<Visit>, user_data: usize, out: *mut i32) non_null(out) {
        let visit = visit.ok_or(FfiError::null_argument("visit"))?;
        unsafe { memory::write_out(out, visit(context, user_data)) }
    }
}

/// The span from `allocator` to `allocator + 1`, by value: only the raw class binds it.
#[no_mangle]
pub extern "C" fn clash_span_of(allocator: i64) -> Span {
    Span {
        segment: allocator,
        allocator: allocator.wrapping_add(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_argument_of_locals_arrives_with_its_own_weight() {
        let mut out = 0;
        assert_eq!(unsafe { clash_locals(1, 1, 1, 1, 1, 1, 1, &mut out) }, 0);
        assert_eq!(out, 42);
        assert_eq!(unsafe { clash_locals(0, 0, 0, 0, 0, 0, 1, &mut out) }, 0);
        assert_eq!(out, 13);
    }

    #[test]
    fn a_span_by_value_is_one_wide() {
        assert_eq!(
            clash_span_of(4),
            Span {
                segment: 4,
                allocator: 5
            }
        );
    }
}
