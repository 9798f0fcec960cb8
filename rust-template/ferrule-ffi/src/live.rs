//! Live-object accounting: every registry and the buffer allocator count what is alive, so tests
//! on either side of the boundary can assert that nothing leaked.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

/// A named live counter.
pub struct LiveCounter {
    name: &'static str,
    live: AtomicI64,
}

impl LiveCounter {
    /// A counter at zero.
    pub const fn new(name: &'static str) -> LiveCounter {
        LiveCounter {
            name,
            live: AtomicI64::new(0),
        }
    }

    /// The type name it counts.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// How many are alive.
    pub fn live(&self) -> i64 {
        self.live.load(Ordering::SeqCst)
    }

    pub(crate) fn increment(&'static self) {
        if self.live.fetch_add(1, Ordering::SeqCst) == 0 {
            register(self);
        }
    }

    pub(crate) fn decrement(&self) {
        self.live.fetch_sub(1, Ordering::SeqCst);
    }
}

static COUNTERS: Mutex<Vec<&'static LiveCounter>> = Mutex::new(Vec::new());

fn counters() -> MutexGuard<'static, Vec<&'static LiveCounter>> {
    // A panic while holding this lock cannot leave the list inconsistent (push only).
    COUNTERS.lock().unwrap_or_else(PoisonError::into_inner)
}

fn register(counter: &'static LiveCounter) {
    let mut all = counters();
    if !all.iter().any(|c| std::ptr::eq(*c, counter)) {
        all.push(counter);
    }
}

/// Every counter that was ever used, with its live count, sorted by name.
pub fn snapshot() -> Vec<(&'static str, i64)> {
    let mut out: Vec<_> = counters().iter().map(|c| (c.name(), c.live())).collect();
    out.sort();
    out
}

/// The sum of all live counts.
pub fn total() -> i64 {
    counters().iter().map(|c| c.live()).sum()
}

/// `name count` lines, one per type, for the host's leak checks.
pub fn report() -> String {
    snapshot()
        .into_iter()
        .map(|(name, live)| format!("{name} {live}\n"))
        .collect()
}
