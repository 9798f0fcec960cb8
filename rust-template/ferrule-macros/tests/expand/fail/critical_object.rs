// error: `critical` goes on an exposed free function
/// A counter.
pub struct Counter;

#[ferrule_ffi::expose(critical)] // <- here
impl Counter {
    /// A new one.
    pub fn new() -> Self {
        Counter
    }
}
