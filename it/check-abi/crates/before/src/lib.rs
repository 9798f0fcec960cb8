//! Scenario crate for ferrule:check-abi, first release.

/// A reading.
#[repr(C)]
pub struct Reading {
    /// Sensor id.
    pub sensor: u32,
    /// Value.
    pub value: f64,
}

/// Scales a reading.
#[no_mangle]
pub extern "C" fn gauge_scale(reading: Reading, factor: f64) -> f64 {
    reading.value * factor + f64::from(reading.sensor)
}

/// Resets the gauge.
#[no_mangle]
pub extern "C" fn gauge_reset() -> i32 {
    0
}
