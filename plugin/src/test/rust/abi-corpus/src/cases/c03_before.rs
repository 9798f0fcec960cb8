//! Case 03, before: export_name changes, the Rust name stays.

/// Renamed symbol.
#[export_name = "c03_v1"]
pub extern "C" fn c03_value() -> i32 {
    1
}
