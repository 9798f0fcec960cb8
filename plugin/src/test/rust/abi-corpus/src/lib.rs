//! ABI-change corpus for ferrule:check-abi.
//!
//! Each case is a folder of `cases/`, named after the rule it shows (`FN_REMOVED/`), or, for a
//! change that must report nothing or several rules, after what it shows (`unchanged-docs/`). It
//! holds `before.rs` and `after.rs`; the cargo feature `after_<name>` swaps in the changed file
//! through `#[path]`, so no item carries a cfg of its own. `expected` lists the findings the diff
//! must report (`-RULE` lines: rules it must not). `scripts/new-rule abi RULE` scaffolds a case.
#![allow(
    clippy::all,
    dead_code,
    missing_docs,
    non_camel_case_types,
    non_upper_case_globals
)]

/// FN_REMOVED: an exported function is removed.
#[cfg_attr(feature = "after_fn_removed", path = "cases/FN_REMOVED/after.rs")]
#[cfg_attr(not(feature = "after_fn_removed"), path = "cases/FN_REMOVED/before.rs")]
pub mod fn_removed;

/// FN_ADDED: a function is added.
#[cfg_attr(feature = "after_fn_added", path = "cases/FN_ADDED/after.rs")]
#[cfg_attr(not(feature = "after_fn_added"), path = "cases/FN_ADDED/before.rs")]
pub mod fn_added;

/// SYMBOL_RENAMED: export_name changes, the Rust name stays.
#[cfg_attr(
    feature = "after_symbol_renamed",
    path = "cases/SYMBOL_RENAMED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_symbol_renamed"),
    path = "cases/SYMBOL_RENAMED/before.rs"
)]
pub mod symbol_renamed;

/// FN_PARAM_COUNT_CHANGED: a parameter is added.
#[cfg_attr(
    feature = "after_fn_param_count_changed",
    path = "cases/FN_PARAM_COUNT_CHANGED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_fn_param_count_changed"),
    path = "cases/FN_PARAM_COUNT_CHANGED/before.rs"
)]
pub mod fn_param_count_changed;

/// FN_PARAM_TYPE_CHANGED: a parameter widens from i32 to i64.
#[cfg_attr(
    feature = "after_fn_param_type_changed",
    path = "cases/FN_PARAM_TYPE_CHANGED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_fn_param_type_changed"),
    path = "cases/FN_PARAM_TYPE_CHANGED/before.rs"
)]
pub mod fn_param_type_changed;

/// FN_PARAM_RENAMED: a parameter is renamed.
#[cfg_attr(
    feature = "after_fn_param_renamed",
    path = "cases/FN_PARAM_RENAMED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_fn_param_renamed"),
    path = "cases/FN_PARAM_RENAMED/before.rs"
)]
pub mod fn_param_renamed;

/// FN_RETURN_TYPE_CHANGED: the return type widens.
#[cfg_attr(
    feature = "after_fn_return_type_changed",
    path = "cases/FN_RETURN_TYPE_CHANGED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_fn_return_type_changed"),
    path = "cases/FN_RETURN_TYPE_CHANGED/before.rs"
)]
pub mod fn_return_type_changed;

/// UNWIND_ABI_CHANGED: extern C becomes C-unwind.
#[cfg_attr(
    feature = "after_unwind_abi_changed",
    path = "cases/UNWIND_ABI_CHANGED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_unwind_abi_changed"),
    path = "cases/UNWIND_ABI_CHANGED/before.rs"
)]
pub mod unwind_abi_changed;

/// FN_ABI_CHANGED: an export loses extern C.
#[cfg_attr(
    feature = "after_fn_abi_changed",
    path = "cases/FN_ABI_CHANGED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_fn_abi_changed"),
    path = "cases/FN_ABI_CHANGED/before.rs"
)]
pub mod fn_abi_changed;

/// FN_SAFETY_CHANGED: a function becomes unsafe.
#[cfg_attr(
    feature = "after_fn_safety_changed",
    path = "cases/FN_SAFETY_CHANGED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_fn_safety_changed"),
    path = "cases/FN_SAFETY_CHANGED/before.rs"
)]
pub mod fn_safety_changed;

/// FN_DEPRECATED: a function is deprecated.
#[cfg_attr(feature = "after_fn_deprecated", path = "cases/FN_DEPRECATED/after.rs")]
#[cfg_attr(
    not(feature = "after_fn_deprecated"),
    path = "cases/FN_DEPRECATED/before.rs"
)]
pub mod fn_deprecated;

/// FN_UNDEPRECATED: a deprecation is withdrawn.
#[cfg_attr(
    feature = "after_fn_undeprecated",
    path = "cases/FN_UNDEPRECATED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_fn_undeprecated"),
    path = "cases/FN_UNDEPRECATED/before.rs"
)]
pub mod fn_undeprecated;

/// NULLABILITY_NARROWED: a nullable parameter becomes non-null.
#[cfg_attr(
    feature = "after_nullability_narrowed",
    path = "cases/NULLABILITY_NARROWED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_nullability_narrowed"),
    path = "cases/NULLABILITY_NARROWED/before.rs"
)]
pub mod nullability_narrowed;

/// NULLABILITY_WIDENED: a parameter starts accepting null.
#[cfg_attr(
    feature = "after_nullability_widened",
    path = "cases/NULLABILITY_WIDENED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_nullability_widened"),
    path = "cases/NULLABILITY_WIDENED/before.rs"
)]
pub mod nullability_widened;

/// RETURN_NULLABILITY_WIDENED: a constructor may now return null.
#[cfg_attr(
    feature = "after_return_nullability_widened",
    path = "cases/RETURN_NULLABILITY_WIDENED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_return_nullability_widened"),
    path = "cases/RETURN_NULLABILITY_WIDENED/before.rs"
)]
pub mod return_nullability_widened;

/// RETURN_NULLABILITY_NARROWED: a constructor no longer returns null.
#[cfg_attr(
    feature = "after_return_nullability_narrowed",
    path = "cases/RETURN_NULLABILITY_NARROWED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_return_nullability_narrowed"),
    path = "cases/RETURN_NULLABILITY_NARROWED/before.rs"
)]
pub mod return_nullability_narrowed;

/// OWNERSHIP_CHANGED: an owned result becomes a raw pointer the library keeps.
#[cfg_attr(
    feature = "after_ownership_changed",
    path = "cases/OWNERSHIP_CHANGED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_ownership_changed"),
    path = "cases/OWNERSHIP_CHANGED/before.rs"
)]
pub mod ownership_changed;

/// FIELD_ADDED: a field is appended to a struct passed by value.
#[cfg_attr(feature = "after_field_added", path = "cases/FIELD_ADDED/after.rs")]
#[cfg_attr(
    not(feature = "after_field_added"),
    path = "cases/FIELD_ADDED/before.rs"
)]
pub mod field_added;

/// FIELD_REMOVED: the last field is removed.
#[cfg_attr(feature = "after_field_removed", path = "cases/FIELD_REMOVED/after.rs")]
#[cfg_attr(
    not(feature = "after_field_removed"),
    path = "cases/FIELD_REMOVED/before.rs"
)]
pub mod field_removed;

/// FIELD_OFFSET_CHANGED: two fields swap places.
#[cfg_attr(
    feature = "after_field_offset_changed",
    path = "cases/FIELD_OFFSET_CHANGED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_field_offset_changed"),
    path = "cases/FIELD_OFFSET_CHANGED/before.rs"
)]
pub mod field_offset_changed;

/// FIELD_TYPE_CHANGED: a field widens, moving the next one.
#[cfg_attr(
    feature = "after_field_type_changed",
    path = "cases/FIELD_TYPE_CHANGED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_field_type_changed"),
    path = "cases/FIELD_TYPE_CHANGED/before.rs"
)]
pub mod field_type_changed;

/// FIELD_RENAMED: a field is renamed in place.
#[cfg_attr(feature = "after_field_renamed", path = "cases/FIELD_RENAMED/after.rs")]
#[cfg_attr(
    not(feature = "after_field_renamed"),
    path = "cases/FIELD_RENAMED/before.rs"
)]
pub mod field_renamed;

/// REPR_C_REMOVED: repr(C) is removed from a struct passed by value.
#[cfg_attr(
    feature = "after_repr_c_removed",
    path = "cases/REPR_C_REMOVED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_repr_c_removed"),
    path = "cases/REPR_C_REMOVED/before.rs"
)]
pub mod repr_c_removed;

/// REPR_CHANGED: a struct becomes packed.
#[cfg_attr(feature = "after_repr_changed", path = "cases/REPR_CHANGED/after.rs")]
#[cfg_attr(
    not(feature = "after_repr_changed"),
    path = "cases/REPR_CHANGED/before.rs"
)]
pub mod repr_changed;

/// STRUCT_ALIGN_CHANGED: a struct gains an alignment.
#[cfg_attr(
    feature = "after_struct_align_changed",
    path = "cases/STRUCT_ALIGN_CHANGED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_struct_align_changed"),
    path = "cases/STRUCT_ALIGN_CHANGED/before.rs"
)]
pub mod struct_align_changed;

/// ENUM_VALUE_CHANGED: an enum value changes.
#[cfg_attr(
    feature = "after_enum_value_changed",
    path = "cases/ENUM_VALUE_CHANGED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_enum_value_changed"),
    path = "cases/ENUM_VALUE_CHANGED/before.rs"
)]
pub mod enum_value_changed;

/// ENUM_VARIANT_ADDED: an enum gains a variant at the end.
#[cfg_attr(
    feature = "after_enum_variant_added",
    path = "cases/ENUM_VARIANT_ADDED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_enum_variant_added"),
    path = "cases/ENUM_VARIANT_ADDED/before.rs"
)]
pub mod enum_variant_added;

/// ENUM_VARIANT_REMOVED: an enum loses a variant.
#[cfg_attr(
    feature = "after_enum_variant_removed",
    path = "cases/ENUM_VARIANT_REMOVED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_enum_variant_removed"),
    path = "cases/ENUM_VARIANT_REMOVED/before.rs"
)]
pub mod enum_variant_removed;

/// ENUM_VARIANT_RENAMED: an enum variant is renamed, same value.
#[cfg_attr(
    feature = "after_enum_variant_renamed",
    path = "cases/ENUM_VARIANT_RENAMED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_enum_variant_renamed"),
    path = "cases/ENUM_VARIANT_RENAMED/before.rs"
)]
pub mod enum_variant_renamed;

/// ENUM_REPR_CHANGED: an enum's repr widens.
#[cfg_attr(
    feature = "after_enum_repr_changed",
    path = "cases/ENUM_REPR_CHANGED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_enum_repr_changed"),
    path = "cases/ENUM_REPR_CHANGED/before.rs"
)]
pub mod enum_repr_changed;

/// CALLBACK_SIGNATURE_CHANGED: a callback gains a parameter.
#[cfg_attr(
    feature = "after_callback_signature_changed",
    path = "cases/CALLBACK_SIGNATURE_CHANGED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_callback_signature_changed"),
    path = "cases/CALLBACK_SIGNATURE_CHANGED/before.rs"
)]
pub mod callback_signature_changed;

/// CALLBACK_UNWIND_CHANGED: a callback may now unwind.
#[cfg_attr(
    feature = "after_callback_unwind_changed",
    path = "cases/CALLBACK_UNWIND_CHANGED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_callback_unwind_changed"),
    path = "cases/CALLBACK_UNWIND_CHANGED/before.rs"
)]
pub mod callback_unwind_changed;

/// TYPE_REMOVED: a typed pointer becomes void*, the type leaves the boundary.
#[cfg_attr(feature = "after_type_removed", path = "cases/TYPE_REMOVED/after.rs")]
#[cfg_attr(
    not(feature = "after_type_removed"),
    path = "cases/TYPE_REMOVED/before.rs"
)]
pub mod type_removed;

/// STRUCT_SIZE_CHANGED: a field is added to a struct nested by value in a struct that is only passed by pointer.
#[cfg_attr(
    feature = "after_struct_size_changed",
    path = "cases/STRUCT_SIZE_CHANGED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_struct_size_changed"),
    path = "cases/STRUCT_SIZE_CHANGED/before.rs"
)]
pub mod struct_size_changed;

/// CONST_VALUE_CHANGED: a constant changes value.
#[cfg_attr(
    feature = "after_const_value_changed",
    path = "cases/CONST_VALUE_CHANGED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_const_value_changed"),
    path = "cases/CONST_VALUE_CHANGED/before.rs"
)]
pub mod const_value_changed;

/// CONST_REMOVED: a constant is removed.
#[cfg_attr(feature = "after_const_removed", path = "cases/CONST_REMOVED/after.rs")]
#[cfg_attr(
    not(feature = "after_const_removed"),
    path = "cases/CONST_REMOVED/before.rs"
)]
pub mod const_removed;

/// CONST_TYPE_CHANGED: a constant changes type.
#[cfg_attr(
    feature = "after_const_type_changed",
    path = "cases/CONST_TYPE_CHANGED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_const_type_changed"),
    path = "cases/CONST_TYPE_CHANGED/before.rs"
)]
pub mod const_type_changed;

/// CONST_ADDED: a constant is added.
#[cfg_attr(feature = "after_const_added", path = "cases/CONST_ADDED/after.rs")]
#[cfg_attr(
    not(feature = "after_const_added"),
    path = "cases/CONST_ADDED/before.rs"
)]
pub mod const_added;

/// STATIC_MUTABILITY_CHANGED: a static becomes immutable.
#[cfg_attr(
    feature = "after_static_mutability_changed",
    path = "cases/STATIC_MUTABILITY_CHANGED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_static_mutability_changed"),
    path = "cases/STATIC_MUTABILITY_CHANGED/before.rs"
)]
pub mod static_mutability_changed;

/// STATIC_TYPE_CHANGED: a static changes type.
#[cfg_attr(
    feature = "after_static_type_changed",
    path = "cases/STATIC_TYPE_CHANGED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_static_type_changed"),
    path = "cases/STATIC_TYPE_CHANGED/before.rs"
)]
pub mod static_type_changed;

/// STATIC_REMOVED: a static is removed.
#[cfg_attr(
    feature = "after_static_removed",
    path = "cases/STATIC_REMOVED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_static_removed"),
    path = "cases/STATIC_REMOVED/before.rs"
)]
pub mod static_removed;

/// STATIC_ADDED: a static is added.
#[cfg_attr(feature = "after_static_added", path = "cases/STATIC_ADDED/after.rs")]
#[cfg_attr(
    not(feature = "after_static_added"),
    path = "cases/STATIC_ADDED/before.rs"
)]
pub mod static_added;

/// TYPE_ADDED: a new function brings a new type.
#[cfg_attr(feature = "after_type_added", path = "cases/TYPE_ADDED/after.rs")]
#[cfg_attr(not(feature = "after_type_added"), path = "cases/TYPE_ADDED/before.rs")]
pub mod type_added;

/// TYPE_EXPOSURE_CHANGED: an opaque type becomes a by-value struct.
#[cfg_attr(
    feature = "after_type_exposure_changed",
    path = "cases/TYPE_EXPOSURE_CHANGED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_type_exposure_changed"),
    path = "cases/TYPE_EXPOSURE_CHANGED/before.rs"
)]
pub mod type_exposure_changed;

/// TYPE_KIND_CHANGED: a struct becomes a union.
#[cfg_attr(
    feature = "after_type_kind_changed",
    path = "cases/TYPE_KIND_CHANGED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_type_kind_changed"),
    path = "cases/TYPE_KIND_CHANGED/before.rs"
)]
pub mod type_kind_changed;

/// TYPE_DEPRECATED: a type is deprecated.
#[cfg_attr(
    feature = "after_type_deprecated",
    path = "cases/TYPE_DEPRECATED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_type_deprecated"),
    path = "cases/TYPE_DEPRECATED/before.rs"
)]
pub mod type_deprecated;

/// FN_CFG_CHANGED: the cfg gating a function changes.
#[cfg_attr(
    feature = "after_fn_cfg_changed",
    path = "cases/FN_CFG_CHANGED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_fn_cfg_changed"),
    path = "cases/FN_CFG_CHANGED/before.rs"
)]
pub mod fn_cfg_changed;

/// unchanged-docs: only documentation changes.
#[cfg_attr(
    feature = "after_unchanged_docs",
    path = "cases/unchanged-docs/after.rs"
)]
#[cfg_attr(
    not(feature = "after_unchanged_docs"),
    path = "cases/unchanged-docs/before.rs"
)]
pub mod unchanged_docs;

/// unchanged-pointee-grows: a field is appended to a type only used behind a pointer and never by value.
#[cfg_attr(
    feature = "after_unchanged_pointee_grows",
    path = "cases/unchanged-pointee-grows/after.rs"
)]
#[cfg_attr(
    not(feature = "after_unchanged_pointee_grows"),
    path = "cases/unchanged-pointee-grows/before.rs"
)]
pub mod unchanged_pointee_grows;

/// several-at-once: several breaking changes at once.
#[cfg_attr(
    feature = "after_several_at_once",
    path = "cases/several-at-once/after.rs"
)]
#[cfg_attr(
    not(feature = "after_several_at_once"),
    path = "cases/several-at-once/before.rs"
)]
pub mod several_at_once;

/// POINTER_CONSTNESS_CHANGED: pointers change between *const and *mut, and nothing else.
#[cfg_attr(
    feature = "after_pointer_constness_changed",
    path = "cases/POINTER_CONSTNESS_CHANGED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_pointer_constness_changed"),
    path = "cases/POINTER_CONSTNESS_CHANGED/before.rs"
)]
pub mod pointer_constness_changed;

/// unchanged-respelled-types: C types are respelt (usize as libc::size_t, i8 as c_char, ...), which changes nothing.
#[cfg_attr(
    feature = "after_unchanged_respelled_types",
    path = "cases/unchanged-respelled-types/after.rs"
)]
#[cfg_attr(
    not(feature = "after_unchanged_respelled_types"),
    path = "cases/unchanged-respelled-types/before.rs"
)]
pub mod unchanged_respelled_types;
