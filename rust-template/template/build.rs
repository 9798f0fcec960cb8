//! Records the enabled features and the profile for the library's build-info export.

fn main() {
    let mut features: Vec<String> = std::env::vars()
        .filter_map(|(key, _)| key.strip_prefix("CARGO_FEATURE_").map(str::to_owned))
        .map(|f| f.to_lowercase().replace('_', "-"))
        .collect();
    features.sort();
    println!("cargo:rustc-env=FERRULE_FEATURES={}", features.join(","));
    let profile = std::env::var("PROFILE").unwrap_or_else(|_| "unknown".to_owned());
    println!("cargo:rustc-env=FERRULE_PROFILE={profile}");
    println!("cargo:rerun-if-env-changed=FERRULE_ABI_FINGERPRINT");
}
