// error: objects are shared: Java may call one from many threads at once. Take `&self`
/// A counter.
pub struct Counter {
    value: i64,
}

#[ferrule_ffi::expose]
impl Counter {
    /// Adds.
    pub fn add(&mut self, amount: i64) -> i64 { // <- here
        self.value += amount;
        self.value
    }
}
