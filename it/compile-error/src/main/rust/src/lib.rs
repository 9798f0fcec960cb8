//! Scenario crate that does not compile.

/// Uses a misspelled local variable.
#[no_mangle]
pub extern "C" fn typo_answer() -> i32 {
    let answer = 42;
    anwser
}
