//! Case 03, after: export_name changes, the Rust name stays.

/// Renamed symbol.
#[export_name = "c03_v2"]
pub extern "C" fn c03_value() -> i32 {
    1
}
