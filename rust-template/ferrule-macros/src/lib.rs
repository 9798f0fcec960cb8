//! The attributes behind ferrule-ffi's safe exports: write ordinary Rust and let the macros
//! write the guarded C ABI and declare what each part means to Java. Use them through
//! ferrule-ffi (`#[ferrule_ffi::expose]`, ...), which re-exports them; see its documentation.
//!
//! Written with the toolchain's `proc_macro` alone: no syn, no quote, no crates.io.

mod declare;
mod expose;
mod items;
mod shape;
mod tokens;

use proc_macro::TokenStream;

fn emit(result: tokens::Result<TokenStream>) -> TokenStream {
    result.unwrap_or_else(tokens::Error::into_compile_error)
}

/// Exports a `pub fn`, or the `pub fn`s of an `impl` block of an object, as guarded C functions.
#[proc_macro_attribute]
pub fn expose(args: TokenStream, item: TokenStream) -> TokenStream {
    emit(expose::expand(args, item))
}

/// A struct of values that crosses by value: a Java record.
#[proc_macro_attribute]
pub fn record(args: TokenStream, item: TokenStream) -> TokenStream {
    emit(items::record(args, item))
}

/// A fieldless enum that crosses as an `i32`: a Java enum.
#[proc_macro_attribute]
pub fn enumeration(args: TokenStream, item: TokenStream) -> TokenStream {
    emit(items::enumeration(args, item))
}

/// The crate's error enum: positive status codes with fixed messages, a Java exception each.
#[proc_macro_attribute]
pub fn error(args: TokenStream, item: TokenStream) -> TokenStream {
    emit(items::error(args, item))
}

/// The runtime exports every library has, named after the crate.
#[proc_macro]
pub fn library(input: TokenStream) -> TokenStream {
    emit(items::library(input))
}
