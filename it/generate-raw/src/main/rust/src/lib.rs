//! Scenario crate for ferrule:generate's raw layer: values, structs in and out, an enum, an
//! out-parameter and a callback.

/// A size.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Size {
    /// Unit of the size.
    pub unit: Unit,
    /// Width.
    pub width: u32,
    /// Height.
    pub height: u32,
}

/// Units.
#[repr(u8)]
#[derive(Clone, Copy)]
pub enum Unit {
    /// Pixels.
    Px = 1,
    /// Points.
    Pt = 2,
}

/// A function applied to a value.
pub type Visit = extern "C" fn(value: i32) -> i32;

/// Adds two numbers.
#[no_mangle]
pub extern "C" fn shapes_add(a: i32, b: i32) -> i32 {
    a.wrapping_add(b)
}

/// Area of a size passed by value.
#[no_mangle]
pub extern "C" fn shapes_area(size: Size) -> u64 {
    u64::from(size.width) * u64::from(size.height)
}

/// A size grown by `by` in both directions, returned by value.
#[no_mangle]
pub extern "C" fn shapes_grow(size: Size, by: u32) -> Size {
    Size {
        unit: size.unit,
        width: size.width + by,
        height: size.height + by,
    }
}

/// How many pixels one unit is.
#[no_mangle]
pub extern "C" fn shapes_unit_scale(unit: Unit) -> u32 {
    match unit {
        Unit::Px => 1,
        Unit::Pt => 4,
    }
}

/// Writes a 2x3 point size to `out`; does nothing when `out` is null.
///
/// # Safety
/// `out` must be null or valid for writing a `Size`.
#[no_mangle]
pub unsafe extern "C" fn shapes_fill(out: *mut Size) {
    if let Some(out) = unsafe { out.as_mut() } {
        *out = Size {
            unit: Unit::Pt,
            width: 2,
            height: 3,
        };
    }
}

/// Applies `visit` to `value`.
#[no_mangle]
pub extern "C" fn shapes_apply(visit: Visit, value: i32) -> i32 {
    visit(value)
}
