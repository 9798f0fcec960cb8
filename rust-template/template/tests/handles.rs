//! Handle misuse through the exports. Not built with `unsafe-raw-handles`, where a stale or
//! wrong-type handle is undefined behaviour by design.
#![cfg(not(feature = "unsafe-raw-handles"))]

use ferrule_ffi::RuntimeError;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use template::*;

fn new_counter(initial: i64) -> u64 {
    let mut handle = 0;
    assert_eq!(unsafe { template_counter_new(initial, &mut handle) }, 0);
    handle
}

#[test]
fn null_stale_double_release_and_wrong_type_handles_are_errors() {
    let mut value = 0;
    assert_eq!(
        unsafe { template_counter_add(0, 1, &mut value) },
        RuntimeError::InvalidHandle.code()
    );
    let counter = new_counter(0);
    assert_eq!(
        unsafe { template_counter_add(counter, 1, std::ptr::null_mut()) },
        RuntimeError::NullArgument.code()
    );
    assert_eq!(template_counter_release(counter), 0);
    assert_eq!(
        unsafe { template_counter_add(counter, 1, &mut value) },
        RuntimeError::StaleHandle.code()
    );
    assert_eq!(
        template_counter_release(counter),
        RuntimeError::StaleHandle.code()
    );
    let wrong_type = (0xFFFF_u64 << 48) | (1 << 32);
    assert_eq!(
        unsafe { template_counter_add(wrong_type, 1, &mut value) },
        RuntimeError::WrongHandleType.code()
    );
}

#[test]
fn eight_threads_race_use_against_release() {
    for _ in 0..20 {
        let counter = new_counter(0);
        let ok = Arc::new(AtomicUsize::new(0));
        let threads: Vec<_> = (0..8)
            .map(|i| {
                let ok = Arc::clone(&ok);
                std::thread::spawn(move || {
                    if i == 7 {
                        template_counter_release(counter);
                        return;
                    }
                    for _ in 0..200 {
                        let mut value = 0;
                        match unsafe { template_counter_add(counter, 1, &mut value) } {
                            0 => {
                                ok.fetch_add(1, Ordering::Relaxed);
                            }
                            status => assert_eq!(status, RuntimeError::StaleHandle.code()),
                        }
                    }
                })
            })
            .collect();
        threads.into_iter().for_each(|t| t.join().unwrap());
        let mut value = 0;
        assert_eq!(
            unsafe { template_counter_add(counter, 1, &mut value) },
            RuntimeError::StaleHandle.code()
        );
    }
}
