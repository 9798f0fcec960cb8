//! The export macro, in the shape regex-capi's `ffi_fn!` popularised: every export runs inside
//! `catch_unwind`, and a panic becomes `TINYKV_ERR_PANIC` plus a last-error message instead of
//! unwinding into the caller.

macro_rules! ffi_fn {
    ($(#[$attr:meta])* fn $name:ident($($arg:ident: $arg_ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        $(#[$attr])*
        #[no_mangle]
        pub unsafe extern "C" fn $name($($arg: $arg_ty),*) -> $ret {
            match ::std::panic::catch_unwind(::std::panic::AssertUnwindSafe(move || $body)) {
                Ok(value) => value,
                Err(payload) => {
                    $crate::error::set_last_error(&$crate::error::panic_message(&payload));
                    <$ret as $crate::error::OnPanic>::on_panic()
                }
            }
        }
    };
    ($(#[$attr:meta])* fn $name:ident($($arg:ident: $arg_ty:ty),* $(,)?) $body:block) => {
        ffi_fn!($(#[$attr])* fn $name($($arg: $arg_ty),*) -> () $body);
    };
}
