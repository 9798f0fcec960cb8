//! SYMBOL_RENAMED, after: export_name changes, the Rust name stays.

/// Renamed symbol.
#[export_name = "symbol_renamed_v2"]
pub extern "C" fn symbol_renamed_value() -> i32 {
    1
}
