//! Scenario crate for ferrule:check-abi: the same change, released as 2.0.0.

/// A reading.
#[repr(C)]
pub struct Reading {
    /// Sensor id.
    pub sensor: u64,
    /// Value.
    pub value: f64,
}

/// Scales a reading.
#[no_mangle]
pub extern "C" fn gauge_scale(reading: Reading, factor: f64) -> f64 {
    reading.value * factor + reading.sensor as f64
}
