
/// Never released.
pub struct Leaky {
    _bytes: Vec<u8>,
}

/// Allocates a Leaky that no export frees.
#[no_mangle]
pub extern "C" fn audit_leaky_new() -> Option<Box<Leaky>> {
    catch_unwind(|| Box::new(Leaky { _bytes: vec![0; 16] })).ok()
}
