// error: `Counter` cannot cross from Java by value
/// A counter.
pub struct Counter {
    value: i64,
}

#[ferrule_ffi::expose]
impl Counter {
    /// A new one.
    pub fn new(value: i64) -> Self {
        Counter { value }
    }

    /// Reads it.
    pub fn value(&self) -> i64 {
        self.value
    }
}

/// Takes a counter by value.
#[ferrule_ffi::expose]
pub fn consume(counter: Counter) -> i64 { // <- here
    counter.value
}
