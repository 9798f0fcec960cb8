
macro_rules! status_on_panic {
    ($(#[$attr:meta])* fn $name:ident() -> i32 $body:block) => {
        $(#[$attr])*
        #[no_mangle]
        pub extern "C" fn $name() -> i32 {
            match catch_unwind(AssertUnwindSafe(|| $body)) {
                Ok(value) => value,
                Err(_) => PANIC,
            }
        }
    };
}

status_on_panic! {
    /// Returns PANIC if it panics.
    fn audit_status_on_panic() -> i32 {
        OK
    }
}
