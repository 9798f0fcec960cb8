//! Handles: objects cross the boundary as `u64` ids, never as pointers.
//!
//! A handle is `[type tag: 16 bits][generation: 16 bits][slot: 32 bits]`. Looking one up checks
//! all three, so a stale, double-released or wrong-type handle is an error code, never undefined
//! behaviour. Objects are shared through `Arc`: a call in flight holds its own reference, so
//! another thread may release the handle meanwhile without freeing the object under it.
//!
//! With the `unsafe-raw-handles` feature, a handle is the object's `Arc` pointer instead: no
//! lookup, but a bad handle is undefined behaviour. The exported signatures stay the same.

use crate::error::FfiError;
use crate::live::LiveCounter;
use crate::status::RuntimeError;
use std::sync::atomic::{AtomicU16, Ordering};
use std::sync::{Arc, OnceLock};

static NEXT_TAG: AtomicU16 = AtomicU16::new(1);

/// A registry of live objects of one type.
pub struct Registry<T: Send + Sync + 'static> {
    counter: LiveCounter,
    tag: OnceLock<u16>,
    #[cfg(not(feature = "unsafe-raw-handles"))]
    slots: std::sync::RwLock<Slots<T>>,
    #[cfg(feature = "unsafe-raw-handles")]
    _type: std::marker::PhantomData<T>,
}

#[cfg(not(feature = "unsafe-raw-handles"))]
struct Slots<T> {
    entries: Vec<Slot<T>>,
    free: Vec<u32>,
}

#[cfg(not(feature = "unsafe-raw-handles"))]
struct Slot<T> {
    generation: u16,
    object: Option<Arc<T>>,
}

impl<T: Send + Sync + 'static> Registry<T> {
    /// An empty registry; `type_name` names the type in leak reports and messages.
    pub const fn new(type_name: &'static str) -> Registry<T> {
        Registry {
            counter: LiveCounter::new(type_name),
            tag: OnceLock::new(),
            #[cfg(not(feature = "unsafe-raw-handles"))]
            slots: std::sync::RwLock::new(Slots {
                entries: Vec::new(),
                free: Vec::new(),
            }),
            #[cfg(feature = "unsafe-raw-handles")]
            _type: std::marker::PhantomData,
        }
    }

    /// How many handles of this type are alive.
    pub fn live(&self) -> i64 {
        self.counter.live()
    }

    fn tag(&self) -> u16 {
        *self
            .tag
            .get_or_init(|| NEXT_TAG.fetch_add(1, Ordering::Relaxed))
    }

    #[cfg(not(feature = "unsafe-raw-handles"))]
    fn name(&self) -> &'static str {
        self.counter.name()
    }
}

#[cfg(not(feature = "unsafe-raw-handles"))]
impl<T: Send + Sync + 'static> Registry<T> {
    fn read(&self) -> std::sync::RwLockReadGuard<'_, Slots<T>> {
        // Slot updates are single assignments, so a panic elsewhere cannot leave them torn.
        self.slots
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, Slots<T>> {
        self.slots
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Stores an object and returns a new handle to it.
    pub fn insert(&'static self, object: T) -> u64 {
        self.insert_arc(Arc::new(object))
    }

    fn insert_arc(&'static self, object: Arc<T>) -> u64 {
        let tag = self.tag();
        let mut slots = self.write();
        let index = match slots.free.pop() {
            Some(index) => {
                slots.entries[index as usize].object = Some(object);
                index
            }
            None => {
                slots.entries.push(Slot {
                    generation: 1,
                    object: Some(object),
                });
                u32::try_from(slots.entries.len() - 1).expect("more than 2^32 live handles")
            }
        };
        let generation = slots.entries[index as usize].generation;
        drop(slots);
        self.counter.increment();
        encode(tag, generation, index)
    }

    /// The object behind a handle, kept alive for as long as the caller holds the `Arc`.
    pub fn get(&self, handle: u64) -> Result<Arc<T>, FfiError> {
        let index = self.check(handle)?;
        let slots = self.read();
        match slots.entries.get(index as usize) {
            Some(slot) if slot.generation == generation(handle) => {
                slot.object.clone().ok_or_else(|| self.stale())
            }
            Some(_) => Err(self.stale()),
            None => Err(self.invalid()),
        }
    }

    /// A second handle to the same object, released independently of the first.
    pub fn clone_handle(&'static self, handle: u64) -> Result<u64, FfiError> {
        let object = self.get(handle)?;
        Ok(self.insert_arc(object))
    }

    /// Releases a handle. The object is dropped when the last handle and the last call using it
    /// are gone. Releasing twice gives [`RuntimeError::StaleHandle`].
    pub fn remove(&self, handle: u64) -> Result<(), FfiError> {
        let index = self.check(handle)?;
        let mut slots = self.write();
        let object = match slots.entries.get_mut(index as usize) {
            Some(slot) if slot.generation == generation(handle) && slot.object.is_some() => {
                // Wrap past zero: generation 0 is never issued, so 0 stays an invalid handle.
                slot.generation = slot.generation.wrapping_add(1).max(1);
                slot.object.take()
            }
            Some(_) => return Err(self.stale()),
            None => return Err(self.invalid()),
        };
        slots.free.push(index);
        drop(slots);
        self.counter.decrement();
        drop(object);
        Ok(())
    }

    fn check(&self, handle: u64) -> Result<u32, FfiError> {
        if handle == 0 {
            return Err(FfiError::runtime_owned(
                RuntimeError::InvalidHandle,
                format!("null {} handle", self.name()),
            ));
        }
        if tag(handle) != self.tag() {
            return Err(FfiError::runtime_owned(
                RuntimeError::WrongHandleType,
                format!("handle is not a {} handle", self.name()),
            ));
        }
        if generation(handle) == 0 {
            return Err(self.invalid());
        }
        Ok(index(handle))
    }

    fn stale(&self) -> FfiError {
        FfiError::runtime_owned(
            RuntimeError::StaleHandle,
            format!("{} handle was already released", self.name()),
        )
    }

    fn invalid(&self) -> FfiError {
        FfiError::runtime_owned(
            RuntimeError::InvalidHandle,
            format!("{} handle was never issued", self.name()),
        )
    }
}

#[cfg(feature = "unsafe-raw-handles")]
impl<T: Send + Sync + 'static> Registry<T> {
    /// Stores an object and returns a new handle (its `Arc` pointer).
    pub fn insert(&'static self, object: T) -> u64 {
        self.tag();
        self.counter.increment();
        Arc::into_raw(Arc::new(object)) as usize as u64
    }

    /// The object behind a handle. A bad handle is undefined behaviour with this feature.
    pub fn get(&self, handle: u64) -> Result<Arc<T>, FfiError> {
        if handle == 0 {
            return Err(FfiError::runtime(
                RuntimeError::InvalidHandle,
                "null handle",
            ));
        }
        let ptr = handle as usize as *const T;
        // SAFETY: with unsafe-raw-handles the caller promises a live handle from `insert`.
        unsafe {
            Arc::increment_strong_count(ptr);
            Ok(Arc::from_raw(ptr))
        }
    }

    /// A second handle to the same object.
    pub fn clone_handle(&'static self, handle: u64) -> Result<u64, FfiError> {
        let object = self.get(handle)?;
        self.counter.increment();
        Ok(Arc::into_raw(object) as usize as u64)
    }

    /// Releases a handle. A second release is undefined behaviour with this feature.
    pub fn remove(&self, handle: u64) -> Result<(), FfiError> {
        if handle == 0 {
            return Err(FfiError::runtime(
                RuntimeError::InvalidHandle,
                "null handle",
            ));
        }
        self.counter.decrement();
        // SAFETY: the caller promises this handle came from insert/clone and is released once.
        drop(unsafe { Arc::from_raw(handle as usize as *const T) });
        Ok(())
    }
}

#[cfg(not(feature = "unsafe-raw-handles"))]
const fn encode(tag: u16, generation: u16, index: u32) -> u64 {
    ((tag as u64) << 48) | ((generation as u64) << 32) | index as u64
}

#[cfg(not(feature = "unsafe-raw-handles"))]
const fn tag(handle: u64) -> u16 {
    (handle >> 48) as u16
}

#[cfg(not(feature = "unsafe-raw-handles"))]
const fn generation(handle: u64) -> u16 {
    (handle >> 32) as u16
}

#[cfg(not(feature = "unsafe-raw-handles"))]
const fn index(handle: u64) -> u32 {
    handle as u32
}
