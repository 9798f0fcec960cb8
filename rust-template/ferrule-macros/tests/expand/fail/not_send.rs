// error: cannot be sent between threads safely
use std::rc::Rc;

/// Not Send.
pub struct Holder {
    shared: Rc<i64>,
}

#[ferrule_ffi::expose]
impl Holder { // <- here
    /// Reads it.
    pub fn get(&self) -> i64 {
        *self.shared
    }
}
