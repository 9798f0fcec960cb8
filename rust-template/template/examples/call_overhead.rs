//! Per-call cost of the boundary, in nanoseconds: an unguarded `extern "C"` function, the same
//! work behind ferrule-ffi's guard, and a guarded call that also looks up a handle.
//!
//!     cargo run --release --example call_overhead
//!     cargo run --release --example call_overhead --features unsafe-raw-handles
//!
//! Calls go through function pointers, as a host's calls do, so nothing is inlined away.

use ferrule_ffi::{export, memory};
use std::hint::black_box;
use std::time::Instant;
use template::{
    template_counter_new, template_counter_release, template_counter_stats, CounterStats,
};

/// The baseline: no guard, no status, result returned directly.
#[no_mangle]
pub extern "C" fn bench_raw_add(a: i64, b: i64) -> i64 {
    a.wrapping_add(b)
}

export! {
    /// The same work behind the guard, with the result through an out-parameter.
    fn bench_guarded_add(a: i64, b: i64, out: *mut i64) non_null(out) {
        unsafe { memory::write_out(out, a.wrapping_add(b)) }
    }
}

const CALLS: u64 = 20_000_000;
const ROUNDS: usize = 5;

fn best_ns(mut run: impl FnMut() -> u64) -> f64 {
    (0..ROUNDS)
        .map(|_| {
            let start = Instant::now();
            black_box(run());
            start.elapsed().as_nanos() as f64 / CALLS as f64
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let raw: extern "C" fn(i64, i64) -> i64 = black_box(bench_raw_add);
    let guarded: unsafe extern "C" fn(i64, i64, *mut i64) -> i32 = black_box(bench_guarded_add);
    let stats: unsafe extern "C" fn(u64, *mut CounterStats) -> i32 =
        black_box(template_counter_stats);

    let raw_ns = best_ns(|| {
        let mut acc = 0i64;
        for i in 0..CALLS as i64 {
            acc = raw(acc, i);
        }
        acc as u64
    });
    let guarded_ns = best_ns(|| {
        let mut acc = 0i64;
        for i in 0..CALLS as i64 {
            let mut out = 0;
            assert_eq!(unsafe { guarded(acc, i, &mut out) }, 0);
            acc = out;
        }
        acc as u64
    });
    let mut counter = 0;
    assert_eq!(unsafe { template_counter_new(1, &mut counter) }, 0);
    let handle_ns = best_ns(|| {
        let mut acc = 0u64;
        for _ in 0..CALLS {
            let mut out = std::mem::MaybeUninit::<CounterStats>::uninit();
            assert_eq!(unsafe { stats(counter, out.as_mut_ptr()) }, 0);
            acc = acc.wrapping_add(unsafe { out.assume_init() }.value as u64);
        }
        acc
    });
    assert_eq!(template_counter_release(counter), 0);

    let mode = if cfg!(feature = "unsafe-raw-handles") {
        "raw pointer handles"
    } else {
        "registry handles"
    };
    println!("calls per round: {CALLS}, best of {ROUNDS} rounds, {mode}");
    println!("unguarded extern \"C\" add          {raw_ns:6.2} ns/call");
    println!(
        "guarded add (catch_unwind, status) {guarded_ns:6.2} ns/call  (+{:.2} ns)",
        guarded_ns - raw_ns
    );
    println!(
        "guarded handle lookup + read       {handle_ns:6.2} ns/call  (+{:.2} ns)",
        handle_ns - raw_ns
    );
}
