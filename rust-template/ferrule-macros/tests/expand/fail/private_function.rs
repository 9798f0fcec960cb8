// error: an exposed function is `pub`: it is part of the library's API
/// Hidden.
#[ferrule_ffi::expose]
fn hidden() -> i64 { // <- here
    1
}
