//! ABI-change corpus for ferrule:check-abi.
//!
//! Each case lives in `cases/cNN_before.rs` and `cases/cNN_after.rs`; the cargo feature
//! `after_NN` swaps in the changed file through `#[path]`, so no item carries a cfg of its own.
//! `cases/cNN.expected` lists the findings the diff must report (`-RULE` lines: rules it must not).
#![allow(
    clippy::all,
    dead_code,
    missing_docs,
    non_camel_case_types,
    non_upper_case_globals
)]

/// Case 01: an exported function is removed.
#[cfg_attr(feature = "after_01", path = "cases/c01_after.rs")]
#[cfg_attr(not(feature = "after_01"), path = "cases/c01_before.rs")]
pub mod c01;

/// Case 02: a function is added.
#[cfg_attr(feature = "after_02", path = "cases/c02_after.rs")]
#[cfg_attr(not(feature = "after_02"), path = "cases/c02_before.rs")]
pub mod c02;

/// Case 03: export_name changes, the Rust name stays.
#[cfg_attr(feature = "after_03", path = "cases/c03_after.rs")]
#[cfg_attr(not(feature = "after_03"), path = "cases/c03_before.rs")]
pub mod c03;

/// Case 04: a parameter is added.
#[cfg_attr(feature = "after_04", path = "cases/c04_after.rs")]
#[cfg_attr(not(feature = "after_04"), path = "cases/c04_before.rs")]
pub mod c04;

/// Case 05: a parameter widens from i32 to i64.
#[cfg_attr(feature = "after_05", path = "cases/c05_after.rs")]
#[cfg_attr(not(feature = "after_05"), path = "cases/c05_before.rs")]
pub mod c05;

/// Case 06: a parameter is renamed.
#[cfg_attr(feature = "after_06", path = "cases/c06_after.rs")]
#[cfg_attr(not(feature = "after_06"), path = "cases/c06_before.rs")]
pub mod c06;

/// Case 07: the return type widens.
#[cfg_attr(feature = "after_07", path = "cases/c07_after.rs")]
#[cfg_attr(not(feature = "after_07"), path = "cases/c07_before.rs")]
pub mod c07;

/// Case 08: extern C becomes C-unwind.
#[cfg_attr(feature = "after_08", path = "cases/c08_after.rs")]
#[cfg_attr(not(feature = "after_08"), path = "cases/c08_before.rs")]
pub mod c08;

/// Case 09: an export loses extern C.
#[cfg_attr(feature = "after_09", path = "cases/c09_after.rs")]
#[cfg_attr(not(feature = "after_09"), path = "cases/c09_before.rs")]
pub mod c09;

/// Case 10: a function becomes unsafe.
#[cfg_attr(feature = "after_10", path = "cases/c10_after.rs")]
#[cfg_attr(not(feature = "after_10"), path = "cases/c10_before.rs")]
pub mod c10;

/// Case 11: a function is deprecated.
#[cfg_attr(feature = "after_11", path = "cases/c11_after.rs")]
#[cfg_attr(not(feature = "after_11"), path = "cases/c11_before.rs")]
pub mod c11;

/// Case 12: a deprecation is withdrawn.
#[cfg_attr(feature = "after_12", path = "cases/c12_after.rs")]
#[cfg_attr(not(feature = "after_12"), path = "cases/c12_before.rs")]
pub mod c12;

/// Case 13: a nullable parameter becomes non-null.
#[cfg_attr(feature = "after_13", path = "cases/c13_after.rs")]
#[cfg_attr(not(feature = "after_13"), path = "cases/c13_before.rs")]
pub mod c13;

/// Case 14: a parameter starts accepting null.
#[cfg_attr(feature = "after_14", path = "cases/c14_after.rs")]
#[cfg_attr(not(feature = "after_14"), path = "cases/c14_before.rs")]
pub mod c14;

/// Case 15: a constructor may now return null.
#[cfg_attr(feature = "after_15", path = "cases/c15_after.rs")]
#[cfg_attr(not(feature = "after_15"), path = "cases/c15_before.rs")]
pub mod c15;

/// Case 16: a constructor no longer returns null.
#[cfg_attr(feature = "after_16", path = "cases/c16_after.rs")]
#[cfg_attr(not(feature = "after_16"), path = "cases/c16_before.rs")]
pub mod c16;

/// Case 17: an owned result becomes a raw pointer the library keeps.
#[cfg_attr(feature = "after_17", path = "cases/c17_after.rs")]
#[cfg_attr(not(feature = "after_17"), path = "cases/c17_before.rs")]
pub mod c17;

/// Case 18: a field is appended to a struct passed by value.
#[cfg_attr(feature = "after_18", path = "cases/c18_after.rs")]
#[cfg_attr(not(feature = "after_18"), path = "cases/c18_before.rs")]
pub mod c18;

/// Case 19: the last field is removed.
#[cfg_attr(feature = "after_19", path = "cases/c19_after.rs")]
#[cfg_attr(not(feature = "after_19"), path = "cases/c19_before.rs")]
pub mod c19;

/// Case 20: two fields swap places.
#[cfg_attr(feature = "after_20", path = "cases/c20_after.rs")]
#[cfg_attr(not(feature = "after_20"), path = "cases/c20_before.rs")]
pub mod c20;

/// Case 21: a field widens, moving the next one.
#[cfg_attr(feature = "after_21", path = "cases/c21_after.rs")]
#[cfg_attr(not(feature = "after_21"), path = "cases/c21_before.rs")]
pub mod c21;

/// Case 22: a field is renamed in place.
#[cfg_attr(feature = "after_22", path = "cases/c22_after.rs")]
#[cfg_attr(not(feature = "after_22"), path = "cases/c22_before.rs")]
pub mod c22;

/// Case 23: repr(C) is removed from a struct passed by value.
#[cfg_attr(feature = "after_23", path = "cases/c23_after.rs")]
#[cfg_attr(not(feature = "after_23"), path = "cases/c23_before.rs")]
pub mod c23;

/// Case 24: a struct becomes packed.
#[cfg_attr(feature = "after_24", path = "cases/c24_after.rs")]
#[cfg_attr(not(feature = "after_24"), path = "cases/c24_before.rs")]
pub mod c24;

/// Case 25: a struct gains an alignment.
#[cfg_attr(feature = "after_25", path = "cases/c25_after.rs")]
#[cfg_attr(not(feature = "after_25"), path = "cases/c25_before.rs")]
pub mod c25;

/// Case 26: an enum value changes.
#[cfg_attr(feature = "after_26", path = "cases/c26_after.rs")]
#[cfg_attr(not(feature = "after_26"), path = "cases/c26_before.rs")]
pub mod c26;

/// Case 27: an enum gains a variant at the end.
#[cfg_attr(feature = "after_27", path = "cases/c27_after.rs")]
#[cfg_attr(not(feature = "after_27"), path = "cases/c27_before.rs")]
pub mod c27;

/// Case 28: an enum loses a variant.
#[cfg_attr(feature = "after_28", path = "cases/c28_after.rs")]
#[cfg_attr(not(feature = "after_28"), path = "cases/c28_before.rs")]
pub mod c28;

/// Case 29: an enum variant is renamed, same value.
#[cfg_attr(feature = "after_29", path = "cases/c29_after.rs")]
#[cfg_attr(not(feature = "after_29"), path = "cases/c29_before.rs")]
pub mod c29;

/// Case 30: an enum's repr widens.
#[cfg_attr(feature = "after_30", path = "cases/c30_after.rs")]
#[cfg_attr(not(feature = "after_30"), path = "cases/c30_before.rs")]
pub mod c30;

/// Case 31: a callback gains a parameter.
#[cfg_attr(feature = "after_31", path = "cases/c31_after.rs")]
#[cfg_attr(not(feature = "after_31"), path = "cases/c31_before.rs")]
pub mod c31;

/// Case 32: a callback may now unwind.
#[cfg_attr(feature = "after_32", path = "cases/c32_after.rs")]
#[cfg_attr(not(feature = "after_32"), path = "cases/c32_before.rs")]
pub mod c32;

/// Case 33: a typed pointer becomes void*, the type leaves the boundary.
#[cfg_attr(feature = "after_33", path = "cases/c33_after.rs")]
#[cfg_attr(not(feature = "after_33"), path = "cases/c33_before.rs")]
pub mod c33;

/// Case 34: a field is added to a struct nested by value in a struct that is only passed by pointer.
#[cfg_attr(feature = "after_34", path = "cases/c34_after.rs")]
#[cfg_attr(not(feature = "after_34"), path = "cases/c34_before.rs")]
pub mod c34;

/// Case 35: a constant changes value.
#[cfg_attr(feature = "after_35", path = "cases/c35_after.rs")]
#[cfg_attr(not(feature = "after_35"), path = "cases/c35_before.rs")]
pub mod c35;

/// Case 36: a constant is removed.
#[cfg_attr(feature = "after_36", path = "cases/c36_after.rs")]
#[cfg_attr(not(feature = "after_36"), path = "cases/c36_before.rs")]
pub mod c36;

/// Case 37: a constant changes type.
#[cfg_attr(feature = "after_37", path = "cases/c37_after.rs")]
#[cfg_attr(not(feature = "after_37"), path = "cases/c37_before.rs")]
pub mod c37;

/// Case 38: a constant is added.
#[cfg_attr(feature = "after_38", path = "cases/c38_after.rs")]
#[cfg_attr(not(feature = "after_38"), path = "cases/c38_before.rs")]
pub mod c38;

/// Case 39: a static becomes immutable.
#[cfg_attr(feature = "after_39", path = "cases/c39_after.rs")]
#[cfg_attr(not(feature = "after_39"), path = "cases/c39_before.rs")]
pub mod c39;

/// Case 40: a static changes type.
#[cfg_attr(feature = "after_40", path = "cases/c40_after.rs")]
#[cfg_attr(not(feature = "after_40"), path = "cases/c40_before.rs")]
pub mod c40;

/// Case 41: a static is removed.
#[cfg_attr(feature = "after_41", path = "cases/c41_after.rs")]
#[cfg_attr(not(feature = "after_41"), path = "cases/c41_before.rs")]
pub mod c41;

/// Case 42: a static is added.
#[cfg_attr(feature = "after_42", path = "cases/c42_after.rs")]
#[cfg_attr(not(feature = "after_42"), path = "cases/c42_before.rs")]
pub mod c42;

/// Case 43: a new function brings a new type.
#[cfg_attr(feature = "after_43", path = "cases/c43_after.rs")]
#[cfg_attr(not(feature = "after_43"), path = "cases/c43_before.rs")]
pub mod c43;

/// Case 44: an opaque type becomes a by-value struct.
#[cfg_attr(feature = "after_44", path = "cases/c44_after.rs")]
#[cfg_attr(not(feature = "after_44"), path = "cases/c44_before.rs")]
pub mod c44;

/// Case 45: a struct becomes a union.
#[cfg_attr(feature = "after_45", path = "cases/c45_after.rs")]
#[cfg_attr(not(feature = "after_45"), path = "cases/c45_before.rs")]
pub mod c45;

/// Case 46: a type is deprecated.
#[cfg_attr(feature = "after_46", path = "cases/c46_after.rs")]
#[cfg_attr(not(feature = "after_46"), path = "cases/c46_before.rs")]
pub mod c46;

/// Case 47: the cfg gating a function changes.
#[cfg_attr(feature = "after_47", path = "cases/c47_after.rs")]
#[cfg_attr(not(feature = "after_47"), path = "cases/c47_before.rs")]
pub mod c47;

/// Case 48: only documentation changes.
#[cfg_attr(feature = "after_48", path = "cases/c48_after.rs")]
#[cfg_attr(not(feature = "after_48"), path = "cases/c48_before.rs")]
pub mod c48;

/// Case 49: a field is appended to a type only used behind a pointer and never by value.
#[cfg_attr(feature = "after_49", path = "cases/c49_after.rs")]
#[cfg_attr(not(feature = "after_49"), path = "cases/c49_before.rs")]
pub mod c49;

/// Case 50: several breaking changes at once.
#[cfg_attr(feature = "after_50", path = "cases/c50_after.rs")]
#[cfg_attr(not(feature = "after_50"), path = "cases/c50_before.rs")]
pub mod c50;

/// Case 51: pointers change between *const and *mut, and nothing else.
#[cfg_attr(feature = "after_51", path = "cases/c51_after.rs")]
#[cfg_attr(not(feature = "after_51"), path = "cases/c51_before.rs")]
pub mod c51;

/// Case 52: C types are respelt (usize as libc::size_t, i8 as c_char, ...), which changes nothing.
#[cfg_attr(feature = "after_52", path = "cases/c52_after.rs")]
#[cfg_attr(not(feature = "after_52"), path = "cases/c52_before.rs")]
pub mod c52;
