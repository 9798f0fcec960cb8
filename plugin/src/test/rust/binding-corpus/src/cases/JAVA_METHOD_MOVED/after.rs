//! JAVA_METHOD_MOVED, after: a handle parameter is renamed, so the method leaves its object.

use ferrule_ffi::{export, memory, Registry};

/// A spinning thing.
pub struct Gadget;

static GADGETS: Registry<Gadget> = Registry::new("Gadget");

export! {
    /// Makes a gadget.
    fn corpus_gadget_new(out: *mut u64) non_null(out) {
        unsafe { memory::write_out(out, GADGETS.insert(Gadget)) }
    }

    /// Releases a gadget.
    fn corpus_gadget_release(gadget: u64) {
        GADGETS.remove(gadget)
    }

    /// Spins the gadget.
    fn corpus_gadget_spin(id: u64, out: *mut u64) non_null(out) {
        GADGETS.get(id)?;
        unsafe { memory::write_out(out, 1) }
    }
}
