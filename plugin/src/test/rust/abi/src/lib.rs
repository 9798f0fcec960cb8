//! Fixture for the ABI model: one of each construct the extractor must understand.
#![allow(clippy::missing_safety_doc)]

use std::ffi::c_void;

/// Major version of the fixture's ABI.
pub const ABI_MAJOR: u32 = 1;

/// How many calls were made; exported as a static.
#[no_mangle]
pub static mut FIXTURE_CALLS: u64 = 0;

/// A point with padding after `tag`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Point {
    /// A one-byte tag, followed by padding.
    pub tag: u8,
    /// X coordinate.
    pub x: f64,
    /// Y coordinate.
    pub y: i32,
}

/// A rectangle made of two nested points.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Rect {
    /// Top-left corner.
    pub min: Point,
    /// Bottom-right corner.
    pub max: Point,
    /// Flags.
    pub flags: u16,
}

/// Either an integer or a float.
#[repr(C)]
pub union Number {
    /// As integer.
    pub int: i64,
    /// As float.
    pub float: f64,
}

/// Colours with explicit discriminants.
#[repr(u8)]
#[derive(Clone, Copy)]
pub enum Color {
    /// Red.
    Red = 1,
    /// Green.
    Green = 2,
    /// Blue, far away.
    Blue = 40,
}

/// Opaque to C: only ever handled behind a pointer.
pub struct Counter {
    value: u64,
}

/// A callback that receives a value and user data.
pub type Visitor = extern "C" fn(value: i32, user_data: *mut c_void) -> i32;

/// Adds two numbers.
#[no_mangle]
pub extern "C" fn fx_add(a: i32, b: i32) -> i32 {
    a.wrapping_add(b)
}

/// Exported under a different symbol name.
#[export_name = "fx_renamed_symbol"]
pub extern "C" fn fx_renamed(x: u32) -> u32 {
    x
}

/// Moves a rectangle by value.
#[no_mangle]
pub extern "C" fn fx_rect_area(rect: Rect) -> f64 {
    (rect.max.x - rect.min.x) * f64::from(rect.max.y - rect.min.y)
}

/// Reads a colour.
#[no_mangle]
pub extern "C" fn fx_color_value(color: Color) -> u8 {
    color as u8
}

/// Creates a counter; release it with `fx_counter_free`.
#[no_mangle]
pub extern "C" fn fx_counter_new() -> Box<Counter> {
    Box::new(Counter { value: 0 })
}

/// Releases a counter; null is ignored.
#[no_mangle]
pub extern "C" fn fx_counter_free(counter: Option<Box<Counter>>) {
    drop(counter);
}

/// Reads a counter if there is one.
#[no_mangle]
pub extern "C" fn fx_counter_get(counter: Option<&Counter>) -> u64 {
    counter.map_or(0, |c| c.value)
}

/// Increments through a raw pointer.
#[no_mangle]
pub unsafe extern "C" fn fx_counter_bump(counter: *mut Counter) {
    if let Some(counter) = unsafe { counter.as_mut() } {
        counter.value += 1;
    }
}

/// Calls the visitor once per value.
#[no_mangle]
pub extern "C" fn fx_visit(visitor: Option<Visitor>, user_data: *mut c_void) -> i32 {
    visitor.map_or(-1, |v| v(7, user_data))
}

/// Reads a union.
#[no_mangle]
pub unsafe extern "C" fn fx_number_bits(number: *const Number) -> i64 {
    unsafe { (*number).int }
}

/// May unwind into the caller.
#[no_mangle]
pub extern "C-unwind" fn fx_may_unwind(fail: bool) -> i32 {
    if fail {
        panic!("asked to fail");
    }
    0
}

/// Old name of `fx_add`.
#[deprecated(since = "1.1.0", note = "use fx_add")]
#[no_mangle]
pub extern "C" fn fx_plus(a: i32, b: i32) -> i32 {
    fx_add(a, b)
}

/// Only with the `extra` feature.
#[cfg(feature = "extra")]
#[no_mangle]
pub extern "C" fn fx_extra() -> i32 {
    1
}

/// Deliberately not FFI-safe: `&str` has no C layout.
#[allow(improper_ctypes_definitions)]
#[no_mangle]
pub extern "C" fn fx_bad_str(text: &str) -> usize {
    text.len()
}

mod hidden {
    /// Exported although its module is private.
    #[no_mangle]
    pub extern "C" fn fx_hidden_export() -> i32 {
        42
    }
}
