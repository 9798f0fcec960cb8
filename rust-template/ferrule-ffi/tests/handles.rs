//! Handle safety: stale, released, forged and wrong-type handles are errors, never undefined
//! behaviour. Not built with `unsafe-raw-handles`, where exactly these are undefined behaviour.
#![cfg(not(feature = "unsafe-raw-handles"))]

use ferrule_ffi::{Registry, RuntimeError};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

#[derive(Debug)]
struct Apple(u32);
#[derive(Debug)]
struct Pear;

static APPLES: Registry<Apple> = Registry::new("Apple");
static PEARS: Registry<Pear> = Registry::new("Pear");

#[test]
fn handle_round_trip_and_release() {
    let handle = APPLES.insert(Apple(7));
    assert_eq!(APPLES.get(handle).unwrap().0, 7);
    APPLES.remove(handle).unwrap();
    assert_eq!(
        APPLES.get(handle).unwrap_err().code(),
        RuntimeError::StaleHandle.code()
    );
}

#[test]
fn double_release_is_stale_not_undefined() {
    let handle = APPLES.insert(Apple(1));
    APPLES.remove(handle).unwrap();
    let error = APPLES.remove(handle).unwrap_err();
    assert_eq!(error.code(), RuntimeError::StaleHandle.code());
    assert_eq!(error.message(), "Apple handle was already released");
}

#[test]
fn reused_slot_does_not_revive_old_handle() {
    let old = APPLES.insert(Apple(1));
    APPLES.remove(old).unwrap();
    let new = APPLES.insert(Apple(2));
    assert_ne!(old, new);
    assert_eq!(
        APPLES.get(old).unwrap_err().code(),
        RuntimeError::StaleHandle.code()
    );
    assert_eq!(APPLES.get(new).unwrap().0, 2);
    APPLES.remove(new).unwrap();
}

#[test]
fn wrong_type_and_null_and_forged_handles_are_errors() {
    let pear = PEARS.insert(Pear);
    assert_eq!(
        APPLES.get(pear).unwrap_err().code(),
        RuntimeError::WrongHandleType.code()
    );
    assert_eq!(
        APPLES.get(0).unwrap_err().code(),
        RuntimeError::InvalidHandle.code()
    );
    let apple = APPLES.insert(Apple(3));
    let forged = apple + 1_000_000;
    assert_eq!(
        APPLES.get(forged).unwrap_err().code(),
        RuntimeError::InvalidHandle.code()
    );
    APPLES.remove(apple).unwrap();
    PEARS.remove(pear).unwrap();
}

#[test]
fn clone_has_its_own_release() {
    let first = APPLES.insert(Apple(5));
    let second = APPLES.clone_handle(first).unwrap();
    APPLES.remove(first).unwrap();
    assert_eq!(APPLES.get(second).unwrap().0, 5);
    APPLES.remove(second).unwrap();
    assert!(APPLES.get(second).is_err());
}

#[test]
fn eight_threads_race_use_against_release() {
    for _ in 0..50 {
        let handle = APPLES.insert(Apple(42));
        let successes = Arc::new(AtomicUsize::new(0));
        let threads: Vec<_> = (0..8)
            .map(|i| {
                let successes = Arc::clone(&successes);
                std::thread::spawn(move || {
                    if i == 0 {
                        APPLES.remove(handle).map(|_| ()).ok();
                    } else {
                        for _ in 0..100 {
                            match APPLES.get(handle) {
                                Ok(apple) => {
                                    assert_eq!(apple.0, 42);
                                    successes.fetch_add(1, Ordering::Relaxed);
                                }
                                Err(e) => assert_eq!(e.code(), RuntimeError::StaleHandle.code()),
                            }
                        }
                    }
                })
            })
            .collect();
        threads.into_iter().for_each(|t| t.join().unwrap());
        assert!(APPLES.get(handle).is_err());
    }
}
