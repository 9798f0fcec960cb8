//! A library whose one export skips the panic guard, for the audit scenario.
#![deny(unsafe_op_in_unsafe_fn)]

/// Doubles `value`, wrapping on overflow. Never fails.
#[no_mangle]
pub extern "C" fn tally_double(value: i64) -> i64 {
    value.wrapping_mul(2)
}
