//! Build identity: what the library was built from, so the Java loader can refuse a mismatch.

/// JSON text of the build info: crate, version, features, profile, ABI fingerprint.
///
/// The values come from the crate being built: `export_runtime!` passes its own `CARGO_PKG_*`
/// and the `FERRULE_FEATURES`, `FERRULE_PROFILE` and `FERRULE_ABI_FINGERPRINT` variables its
/// build script (or ferrule-maven-plugin) sets.
pub fn build_info_json(
    crate_name: &str,
    version: &str,
    features: Option<&str>,
    profile: Option<&str>,
    fingerprint: Option<&str>,
) -> String {
    let features: Vec<String> = features
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .map(quote)
        .collect();
    format!(
        "{{\"crate\":{},\"version\":{},\"features\":[{}],\"profile\":{},\"abiFingerprint\":{}}}",
        quote(crate_name),
        quote(version),
        features.join(","),
        quote(profile.unwrap_or("unknown")),
        quote(fingerprint.unwrap_or("unset")),
    )
}

fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether a feature list contains a risky (`unsafe-*`) feature.
pub fn has_unsafe_feature(features: Option<&str>) -> bool {
    features
        .unwrap_or("")
        .split(',')
        .any(|f| f.trim().starts_with("unsafe-"))
}
