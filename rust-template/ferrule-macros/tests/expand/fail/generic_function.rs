// error: a generic function has no single C form; expose one function per type it is used with
/// Identity.
#[ferrule_ffi::expose]
pub fn same<T: Copy>(value: T) -> T { // <- here
    value
}
