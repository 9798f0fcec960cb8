
/// Released by `audit_tidy_free`.
pub struct Tidy {
    _bytes: Vec<u8>,
}

/// Allocates a Tidy; release it with `audit_tidy_free`.
#[no_mangle]
pub extern "C" fn audit_tidy_new() -> Option<Box<Tidy>> {
    catch_unwind(|| Box::new(Tidy { _bytes: vec![0; 16] })).ok()
}

/// Releases a Tidy; null is ignored.
#[no_mangle]
pub extern "C" fn audit_tidy_free(tidy: Option<Box<Tidy>>) {
    let _ = catch_unwind(AssertUnwindSafe(move || drop(tidy)));
}
