// error: an enumeration's variants carry no data: enums with data are the next step
/// A shape.
#[ferrule_ffi::enumeration]
pub enum Shape {
    /// A circle.
    Circle(f64), // <- here
}
