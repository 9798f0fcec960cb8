//! JAVA_OBJECT_ADDED, before: the release export gets the conventional name, so the type becomes an object.

use ferrule_ffi::{export, memory, Registry};

/// A turning thing.
pub struct Sprocket;

static SPROCKETS: Registry<Sprocket> = Registry::new("Sprocket");

export! {
    /// Makes a sprocket.
    fn corpus_sprocket_new(out: *mut u64) non_null(out) {
        unsafe { memory::write_out(out, SPROCKETS.insert(Sprocket)) }
    }

    /// Drops a sprocket.
    fn corpus_sprocket_drop(sprocket: u64) {
        SPROCKETS.remove(sprocket)
    }

    /// Turns the sprocket.
    fn corpus_sprocket_turn(sprocket: u64, out: *mut u64) non_null(out) {
        SPROCKETS.get(sprocket)?;
        unsafe { memory::write_out(out, 5) }
    }
}
