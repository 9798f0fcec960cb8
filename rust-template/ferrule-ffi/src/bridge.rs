//! What the code of [`expose`](crate::expose), [`record`](crate::record),
//! [`enumeration`](crate::enumeration) and [`library`](crate::library) stands on. A crate written
//! with those macros never names these items itself; they are public because the code the macros
//! write lives in that crate.
//!
//! Each conversion checks what the host sent before Rust sees it as a typed value: a byte that is
//! not 0 or 1 is not a `bool`, an `i32` that no variant has is not an enum, and a record is read
//! only once every field has been checked. The host gets [`RuntimeError::InvalidArgument`] with
//! the parameter's name instead of undefined behaviour.

use crate::error::FfiError;
use crate::handles::Registry;
use crate::memory::{self, FfiBuffer};
use crate::status::RuntimeError;
use std::mem::MaybeUninit;

/// The text of a binding declaration: JSON that the macros write into a `const` of this type
/// beside each item, and that Ferrule reads from rustdoc without running the library.
pub type Declaration = &'static str;

/// A type the host passes by value: a record ([`crate::record`]) or an enum
/// ([`crate::enumeration`]).
///
/// # Safety
/// [`Argument::check_in`] must accept only bytes that hold a valid `Self`: a record's
/// [`Argument::from_abi`] reads the value once every field has passed it.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot cross from Java by value",
    label = "not a record or an enumeration",
    note = "mark a struct of values #[ferrule_ffi::record] and a fieldless enum #[ferrule_ffi::enumeration]; pass an object as `&{Self}`"
)]
pub unsafe trait Argument: Sized {
    /// How the value crosses the C ABI.
    type Abi: Copy;

    /// Checks a value of this type that the host wrote at `offset` in a record `R`, without
    /// reading it as `Self`.
    fn check_in<R>(
        record: &MaybeUninit<R>,
        offset: usize,
        name: &'static str,
    ) -> Result<(), FfiError>;

    /// The value the host sent, once checked.
    fn from_abi(abi: Self::Abi, name: &'static str) -> Result<Self, FfiError>;
}

/// Bytes every bit pattern of which is a valid value, and so may be read from what the host wrote.
pub trait Plain: Copy + private::Sealed {}

impl Plain for u8 {}
impl Plain for i32 {}

mod private {
    pub trait Sealed {}
    impl Sealed for u8 {}
    impl Sealed for i32 {}
}

/// The `F` the host wrote at `offset` in a record.
///
/// # Panics
/// When `F` at `offset` does not lie inside `R`: the macros compute offsets with `offset_of!`, so
/// this is a bug in them, never the host's doing.
pub fn read_field<R, F: Plain>(record: &MaybeUninit<R>, offset: usize) -> F {
    assert!(
        offset
            .checked_add(std::mem::size_of::<F>())
            .is_some_and(|end| end <= std::mem::size_of::<R>()),
        "field outside its record"
    );
    // SAFETY: in bounds (checked above); read_unaligned needs no alignment; every bit pattern of a
    // Plain type is valid, and the host writes every field of a record it sends.
    unsafe {
        record
            .as_ptr()
            .cast::<u8>()
            .add(offset)
            .cast::<F>()
            .read_unaligned()
    }
}

/// Checks the byte of a `bool` field at `offset` in a record.
pub fn check_bool_field<R>(
    record: &MaybeUninit<R>,
    offset: usize,
    name: &'static str,
) -> Result<(), FfiError> {
    bool_arg(read_field::<R, u8>(record, offset), name).map(|_| ())
}

/// A record the host sent, read once every field is checked.
pub fn record_from_abi<T: Argument<Abi = MaybeUninit<T>>>(
    abi: MaybeUninit<T>,
    name: &'static str,
) -> Result<T, FfiError> {
    T::check_in(&abi, 0, name)?;
    // SAFETY: Argument's contract: check_in accepted these bytes as a valid T.
    Ok(unsafe { abi.assume_init() })
}

/// A type a function may return to the host: a record, an enum, or an object (which becomes a
/// new handle the host owns).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be returned to Java",
    label = "not a record, an enumeration or an exposed object",
    note = "mark a struct of values #[ferrule_ffi::record], a fieldless enum #[ferrule_ffi::enumeration], or expose the type's methods with #[ferrule_ffi::expose] impl"
)]
pub trait Output {
    /// How the value crosses the C ABI.
    type Abi: Copy;

    /// The value as the host receives it.
    fn into_abi(self) -> Self::Abi;
}

/// A type whose instances live behind handles: one `#[ferrule_ffi::expose] impl` block makes it
/// one, with its own registry.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an object Java can hold",
    label = "no #[ferrule_ffi::expose] impl",
    note = "add #[ferrule_ffi::expose] to an `impl {Self}` block; that makes its handles"
)]
pub trait Object: Send + Sync + Sized + 'static {
    /// The registry of this type's handles.
    fn registry() -> &'static Registry<Self>;
}

/// Fails to compile unless `T` may be shared between threads: Java holds objects on any thread,
/// and calls on one object may run at the same time.
pub const fn exposed_objects_are_shared_across_threads_so_must_be_send_and_sync<T: Send + Sync>() {}

/// Fails to compile unless `E` is an error enum of the library ([`crate::error`](macro@crate::error)).
pub const fn error_enum<E: crate::ErrorCode>() {}

/// A host byte read as a `bool`: 0 or 1, anything else is an error.
pub fn bool_arg(byte: u8, name: &'static str) -> Result<bool, FfiError> {
    match byte {
        0 => Ok(false),
        1 => Ok(true),
        other => Err(FfiError::runtime_owned(
            RuntimeError::InvalidArgument,
            format!("argument `{name}` must be 0 or 1 (a boolean), was {other}"),
        )),
    }
}

/// An `i32` the host sent for an enum that has no variant with that value.
pub fn unknown_variant(enumeration: &'static str, value: i32, name: &'static str) -> FfiError {
    FfiError::runtime_owned(
        RuntimeError::InvalidArgument,
        format!("argument `{name}`: {value} is not a value of {enumeration}"),
    )
}

/// Borrows a UTF-8 string argument sent as (pointer, length).
///
/// # Safety
/// As [`memory::input_str`].
pub unsafe fn str_arg<'a>(
    ptr: *const u8,
    len: usize,
    name: &'static str,
) -> Result<&'a str, FfiError> {
    // SAFETY: forwarded contract.
    unsafe { memory::input_str(ptr, len, name) }
}

/// Borrows a bytes argument sent as (pointer, length).
///
/// # Safety
/// As [`memory::input_bytes`].
pub unsafe fn bytes_arg<'a>(
    ptr: *const u8,
    len: usize,
    name: &'static str,
) -> Result<&'a [u8], FfiError> {
    // SAFETY: forwarded contract.
    unsafe { memory::input_bytes(ptr, len, name) }
}

/// Whether an optional argument is there, by its presence byte.
pub fn present(byte: u8, name: &'static str) -> Result<bool, FfiError> {
    bool_arg(byte, name)
}

/// Writes a result through its out-parameter.
///
/// # Safety
/// As [`memory::write_out`].
pub unsafe fn write_out<T>(out: *mut T, value: T) -> Result<(), FfiError> {
    // SAFETY: forwarded contract.
    unsafe { memory::write_out(out, value) }
}

/// Writes an optional result: its presence, then the value or the type's empty form.
///
/// # Safety
/// Both pointers must be null (an error) or valid for writing.
pub unsafe fn write_option<T>(
    present: *mut bool,
    out: *mut T,
    value: Option<T>,
) -> Result<(), FfiError> {
    if out.is_null() {
        return Err(FfiError::null_argument("out"));
    }
    // SAFETY: forwarded contract.
    unsafe { memory::write_out(present, value.is_some())? };
    if let Some(value) = value {
        // SAFETY: non-null and writable by contract.
        unsafe { out.write(value) };
    }
    Ok(())
}

/// A `String` result as a buffer the host releases.
pub fn string_result(text: String) -> FfiBuffer {
    FfiBuffer::from_string(text)
}

/// A `Vec<u8>` result as a buffer the host releases.
pub fn bytes_result(bytes: Vec<u8>) -> FfiBuffer {
    FfiBuffer::from_vec(bytes)
}

/// The object behind a handle the host passed, kept alive for the call.
pub fn object_arg<T: Object>(
    handle: u64,
    _name: &'static str,
) -> Result<std::sync::Arc<T>, FfiError> {
    T::registry().get(handle)
}

/// An optional object: handle 0 is `None`.
pub fn optional_object_arg<T: Object>(
    handle: u64,
    name: &'static str,
) -> Result<Option<std::sync::Arc<T>>, FfiError> {
    if handle == 0 {
        Ok(None)
    } else {
        object_arg(handle, name).map(Some)
    }
}

/// A new handle to a returned object, which the host owns.
pub fn object_result<T: Object>(object: T) -> u64 {
    T::registry().insert(object)
}

/// Releases a handle of `T`: what each object's `<crate>_<type>_release` export does.
pub fn release<T: Object>(handle: u64) -> i32 {
    crate::guard(|| T::registry().remove(handle))
}

/// Writes a second handle to the object behind `handle` to `out`: each object's
/// `<crate>_<type>_clone` export.
///
/// # Safety
/// `out` must be null (an error) or writable.
pub unsafe fn clone_handle<T: Object>(handle: u64, out: *mut u64) -> i32 {
    crate::guard(|| {
        let second = T::registry().clone_handle(handle)?;
        // SAFETY: forwarded contract.
        unsafe { memory::write_out(out, second) }
    })
}

/// An optional object result: `None` is handle 0.
pub fn optional_object_result<T: Object>(object: Option<T>) -> u64 {
    object.map_or(0, object_result)
}

/// A callback the host passed, which must not be null.
pub fn callback_arg<F: Copy>(callback: Option<F>, name: &'static str) -> Result<F, FfiError> {
    callback.ok_or_else(|| FfiError::null_argument(name))
}
