// error: records with String or Vec fields are the next step
/// A person.
#[ferrule_ffi::record]
pub struct Person {
    /// A name.
    pub name: String, // <- here
}
