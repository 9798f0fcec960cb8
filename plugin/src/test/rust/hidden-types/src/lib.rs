//! Types an export names that no program outside the crate can name. A C caller sees them all
//! the same, so their layouts must be measured.
#![allow(private_interfaces)]

mod inner {
    /// pub(crate), passed by value.
    #[repr(C)]
    #[derive(Clone, Copy)]
    pub(crate) struct Span {
        pub(crate) start: u32,
        pub(crate) len: u16,
    }

    /// Public, but in a private module that nothing re-exports; written through an out-pointer.
    #[repr(C)]
    pub struct Totals {
        pub count: u64,
        pub flag: u8,
    }

    /// repr(C) and reached only behind a pointer the crate never reads through.
    #[repr(C)]
    pub struct Header {
        pub magic: u32,
        pub version: u16,
    }
}

/// The end of a span.
#[no_mangle]
pub extern "C" fn hidden_span_end(span: inner::Span) -> u32 {
    span.start + u32::from(span.len)
}

/// Writes the totals to `out`; -1 when it is null.
///
/// # Safety
/// `out` must be writable.
#[no_mangle]
pub unsafe extern "C" fn hidden_totals(out: *mut inner::Totals) -> i32 {
    if out.is_null() {
        return -1;
    }
    // SAFETY: checked for null; the caller passes writable memory.
    unsafe { out.write(inner::Totals { count: 3, flag: 1 }) };
    0
}

/// Whether a header was passed.
#[no_mangle]
pub extern "C" fn hidden_header_seen(header: *const inner::Header) -> bool {
    !header.is_null()
}
