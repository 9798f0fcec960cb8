//! SYMBOL_RENAMED, before: export_name changes, the Rust name stays.

/// Renamed symbol.
#[export_name = "symbol_renamed_v1"]
pub extern "C" fn symbol_renamed_value() -> i32 {
    1
}
