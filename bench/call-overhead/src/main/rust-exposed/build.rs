//! Records the enabled features and the profile for the library's build-info export.

fn main() {
    ferrule_ffi::build::record_build_identity();
}
