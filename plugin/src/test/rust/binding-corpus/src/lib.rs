//! Corpus of changes to a ferrule-ffi crate's Java API and error enums, for ferrule:check-abi.
//!
//! Each case is a folder of `cases/`, named after the rule it shows (`JAVA_METHOD_MOVED/`), or,
//! for a change that must report none of the rules it resembles, after what it shows. It holds
//! `before.rs` and `after.rs`, swapped by the cargo feature `after_<name>`, and may hold
//! `before.metadata.toml` and `after.metadata.toml`: the case's part of
//! `[package.metadata.ferrule]` before and after. `expected` lists the findings the diff must
//! report (`-RULE` lines: rules it must not). `scripts/new-rule abi RULE` scaffolds a case.
#![allow(clippy::all, dead_code, missing_docs)]

ferrule_ffi::export_runtime! {
    last_error_message = corpus_last_error_message;
    last_error_length = corpus_last_error_length;
    live_objects = corpus_live_objects;
    live_objects_report = corpus_live_objects_report;
    buffer_free = corpus_buffer_free;
    set_log_callback = corpus_set_log_callback;
    build_info = corpus_build_info;
    abi_fingerprint = corpus_abi_fingerprint;
}

/// ERROR_VARIANT_RENUMBERED: an error variant gets another status code.
#[cfg_attr(
    feature = "after_error_variant_renumbered",
    path = "cases/ERROR_VARIANT_RENUMBERED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_error_variant_renumbered"),
    path = "cases/ERROR_VARIANT_RENUMBERED/before.rs"
)]
pub mod error_variant_renumbered;

/// ERROR_VARIANT_REMOVED: an error variant is removed.
#[cfg_attr(
    feature = "after_error_variant_removed",
    path = "cases/ERROR_VARIANT_REMOVED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_error_variant_removed"),
    path = "cases/ERROR_VARIANT_REMOVED/before.rs"
)]
pub mod error_variant_removed;

/// ERROR_VARIANT_ADDED: an error variant is added.
#[cfg_attr(
    feature = "after_error_variant_added",
    path = "cases/ERROR_VARIANT_ADDED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_error_variant_added"),
    path = "cases/ERROR_VARIANT_ADDED/before.rs"
)]
pub mod error_variant_added;

/// ERROR_VARIANT_RENAMED: an error variant is renamed, same code.
#[cfg_attr(
    feature = "after_error_variant_renamed",
    path = "cases/ERROR_VARIANT_RENAMED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_error_variant_renamed"),
    path = "cases/ERROR_VARIANT_RENAMED/before.rs"
)]
pub mod error_variant_renamed;

/// JAVA_PARAMETERS_CHANGED: renaming name_len to len makes a String a byte[].
#[cfg_attr(
    feature = "after_java_parameters_changed",
    path = "cases/JAVA_PARAMETERS_CHANGED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_java_parameters_changed"),
    path = "cases/JAVA_PARAMETERS_CHANGED/before.rs"
)]
pub mod java_parameters_changed;

/// java-param-renamed-alone: a parameter is renamed and its Java type stays.
#[cfg_attr(
    feature = "after_java_param_renamed_alone",
    path = "cases/java-param-renamed-alone/after.rs"
)]
#[cfg_attr(
    not(feature = "after_java_param_renamed_alone"),
    path = "cases/java-param-renamed-alone/before.rs"
)]
pub mod java_param_renamed_alone;

/// JAVA_RESULT_CHANGED: an out-parameter widens, and the Java result with it.
#[cfg_attr(
    feature = "after_java_result_changed",
    path = "cases/JAVA_RESULT_CHANGED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_java_result_changed"),
    path = "cases/JAVA_RESULT_CHANGED/before.rs"
)]
pub mod java_result_changed;

/// JAVA_STATUS_CHANGED: the metadata makes an i32 status a value.
#[cfg_attr(
    feature = "after_java_status_changed",
    path = "cases/JAVA_STATUS_CHANGED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_java_status_changed"),
    path = "cases/JAVA_STATUS_CHANGED/before.rs"
)]
pub mod java_status_changed;

/// JAVA_METHOD_REMOVED: the metadata leaves an export to the raw class.
#[cfg_attr(
    feature = "after_java_method_removed",
    path = "cases/JAVA_METHOD_REMOVED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_java_method_removed"),
    path = "cases/JAVA_METHOD_REMOVED/before.rs"
)]
pub mod java_method_removed;

/// JAVA_METHOD_ADDED: an export the metadata left to the raw class gets a safe method.
#[cfg_attr(
    feature = "after_java_method_added",
    path = "cases/JAVA_METHOD_ADDED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_java_method_added"),
    path = "cases/JAVA_METHOD_ADDED/before.rs"
)]
pub mod java_method_added;

/// JAVA_METHOD_MOVED: a handle parameter is renamed, so the method leaves its object.
#[cfg_attr(
    feature = "after_java_method_moved",
    path = "cases/JAVA_METHOD_MOVED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_java_method_moved"),
    path = "cases/JAVA_METHOD_MOVED/before.rs"
)]
pub mod java_method_moved;

/// JAVA_OBJECT_REMOVED: the release export is renamed, so the type is no object any more.
#[cfg_attr(
    feature = "after_java_object_removed",
    path = "cases/JAVA_OBJECT_REMOVED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_java_object_removed"),
    path = "cases/JAVA_OBJECT_REMOVED/before.rs"
)]
pub mod java_object_removed;

/// JAVA_OBJECT_ADDED: the release export gets the conventional name, so the type becomes an object.
#[cfg_attr(
    feature = "after_java_object_added",
    path = "cases/JAVA_OBJECT_ADDED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_java_object_added"),
    path = "cases/JAVA_OBJECT_ADDED/before.rs"
)]
pub mod java_object_added;

/// BINDING_METADATA_CHANGED: the metadata makes a call critical, which changes no Java type.
#[cfg_attr(
    feature = "after_binding_metadata_changed",
    path = "cases/BINDING_METADATA_CHANGED/after.rs"
)]
#[cfg_attr(
    not(feature = "after_binding_metadata_changed"),
    path = "cases/BINDING_METADATA_CHANGED/before.rs"
)]
pub mod binding_metadata_changed;
