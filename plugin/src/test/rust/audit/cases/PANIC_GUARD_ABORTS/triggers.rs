
macro_rules! abort_on_panic {
    ($(#[$attr:meta])* fn $name:ident() -> i32 $body:block) => {
        $(#[$attr])*
        #[no_mangle]
        pub extern "C" fn $name() -> i32 {
            match catch_unwind(AssertUnwindSafe(|| $body)) {
                Ok(value) => value,
                Err(_) => std::process::abort(),
            }
        }
    };
}

abort_on_panic! {
    /// Kills the JVM if it panics.
    fn audit_aborts() -> i32 {
        OK
    }
}
