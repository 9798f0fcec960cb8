//! Secret bytes: zeroed on drop, never printed, never handed out of Rust memory.

use std::sync::atomic::{compiler_fence, Ordering};

/// Bytes that must not outlive their use: a key, a password, a token.
///
/// There is deliberately no `Debug`, `Display`, `Clone` or accessor that returns the bytes or a
/// pointer to them; code reads them only inside [`Secret::expose`].
pub struct Secret {
    bytes: Box<[u8]>,
}

impl Secret {
    /// Takes ownership of the bytes. The caller's copies are its own to wipe.
    pub fn new(bytes: Vec<u8>) -> Secret {
        Secret {
            bytes: bytes.into_boxed_slice(),
        }
    }

    /// Copies bytes in from the boundary.
    pub fn from_slice(bytes: &[u8]) -> Secret {
        Secret::new(bytes.to_vec())
    }

    /// How many bytes it holds.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// Whether it holds no bytes.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// Runs `use_bytes` with the secret; the reference cannot escape the closure.
    pub fn expose<R>(&self, use_bytes: impl FnOnce(&[u8]) -> R) -> R {
        use_bytes(&self.bytes)
    }

    /// Overwrites the bytes with zeros. Volatile writes and a fence keep the compiler from
    /// removing the writes as dead stores before the memory is freed.
    pub fn wipe(&mut self) {
        for byte in self.bytes.iter_mut() {
            // SAFETY: `byte` is a valid, exclusive reference into our own allocation.
            unsafe { std::ptr::write_volatile(byte, 0) };
        }
        compiler_fence(Ordering::SeqCst);
    }
}

impl Drop for Secret {
    fn drop(&mut self) {
        self.wipe();
    }
}
