//! Eight warnings: six unused variables and two unused functions.

/// Adds two numbers, leaving a trail of unused locals behind.
#[no_mangle]
pub extern "C" fn noisy_add(a: i32, b: i32) -> i32 {
    let first = 1;
    let second = 2;
    let third = 3;
    let fourth = 4;
    let fifth = 5;
    let sixth = 6;
    a.wrapping_add(b)
}

fn never_called() {}

fn never_called_either() {}
