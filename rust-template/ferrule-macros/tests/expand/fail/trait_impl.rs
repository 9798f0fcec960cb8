// error: expose an inherent impl block (`impl Counter`), not a trait implementation
/// A counter.
pub struct Counter;

#[ferrule_ffi::expose]
impl Default for Counter { // <- here
    fn default() -> Self {
        Counter
    }
}
