// error: a closure can only be a parameter: it lives for the call
/// Makes an adder.
#[ferrule_ffi::expose]
pub fn adder(by: i64) -> impl Fn(i64) -> i64 { // <- here
    move |x| x + by
}
