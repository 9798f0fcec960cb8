//! For the build scripts of crates that use [`export_runtime!`](crate::export_runtime): records
//! what the library is built from, so its build-info export can tell the Java loader.

/// Emits `FERRULE_FEATURES` (the crate's enabled features, sorted) and `FERRULE_PROFILE` for the
/// crate being built, and reruns when Ferrule stamps a new ABI fingerprint.
///
/// Call it from `build.rs`, with `ferrule-ffi` as a build dependency:
///
/// ```ignore
/// fn main() {
///     ferrule_ffi::build::record_build_identity();
/// }
/// ```
pub fn record_build_identity() {
    for line in identity_directives(std::env::vars(), std::env::var("PROFILE").ok()) {
        println!("{line}");
    }
}

/// The `cargo:` lines [`record_build_identity`] prints, from a build script's environment.
pub fn identity_directives(
    vars: impl IntoIterator<Item = (String, String)>,
    profile: Option<String>,
) -> Vec<String> {
    // Cargo folds '-' into '_' in CARGO_FEATURE_*; the Java side compares names the same way.
    let mut features: Vec<String> = vars
        .into_iter()
        .filter_map(|(key, _)| key.strip_prefix("CARGO_FEATURE_").map(str::to_owned))
        .map(|f| f.to_lowercase().replace('_', "-"))
        .collect();
    features.sort();
    vec![
        format!("cargo:rustc-env=FERRULE_FEATURES={}", features.join(",")),
        format!(
            "cargo:rustc-env=FERRULE_PROFILE={}",
            profile.unwrap_or_else(|| "unknown".to_owned())
        ),
        "cargo:rerun-if-env-changed=FERRULE_ABI_FINGERPRINT".to_owned(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_are_sorted_and_spelled_as_in_cargo_toml() {
        let vars = [
            ("CARGO_FEATURE_UNSAFE_RAW_HANDLES", "1"),
            ("PATH", "/bin"),
            ("CARGO_FEATURE_DEFAULT", "1"),
        ]
        .map(|(k, v)| (k.to_owned(), v.to_owned()));
        let lines = identity_directives(vars, Some("release".to_owned()));
        assert_eq!(
            lines,
            [
                "cargo:rustc-env=FERRULE_FEATURES=default,unsafe-raw-handles",
                "cargo:rustc-env=FERRULE_PROFILE=release",
                "cargo:rerun-if-env-changed=FERRULE_ABI_FINGERPRINT",
            ]
        );
    }

    #[test]
    fn no_features_and_no_profile() {
        let lines = identity_directives(Vec::new(), None);
        assert_eq!(lines[0], "cargo:rustc-env=FERRULE_FEATURES=");
        assert_eq!(lines[1], "cargo:rustc-env=FERRULE_PROFILE=unknown");
    }
}
