package dev.ferrule.cargo;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What a packaged library was built from, stored beside it as {@code build-info.json}. The key
 * order is fixed and there is no timestamp, so the same inputs give the same bytes.
 *
 * @param abiFingerprint the fingerprint of the exported ABI; absent until a goal has extracted
 *                       the ABI of this crate (ferrule:build alone, or a first build)
 */
@JsonPropertyOrder({"schemaVersion", "crateName", "crateVersion", "target", "platform", "profile", "features",
        "unsafeFeatures", "rustc", "library", "sha256", "abiFingerprint"})
public record BuildInfo(
        int schemaVersion,
        String crateName,
        String crateVersion,
        String target,
        String platform,
        String profile,
        List<String> features,
        List<UnsafeFeaturePolicy.RiskyFeature> unsafeFeatures,
        String rustc,
        String library,
        String sha256,
        @JsonInclude(JsonInclude.Include.NON_NULL) String abiFingerprint) {

    public static final int SCHEMA_VERSION = 1;

    /**
     * The environment variable through which the build hands the library its ABI fingerprint
     * (ferrule-ffi's {@code export_runtime!} reads it); recorded here too, so that per-platform
     * builds can be checked for one ABI before merging.
     */
    public static final String ABI_FINGERPRINT_ENV = "FERRULE_ABI_FINGERPRINT";

    public BuildInfo {
        features = List.copyOf(features.stream().sorted().toList());
        unsafeFeatures = List.copyOf(unsafeFeatures);
    }

    public BuildInfo withAbiFingerprint(String fingerprint) {
        return new BuildInfo(schemaVersion, crateName, crateVersion, target, platform, profile, features,
                unsafeFeatures, rustc, library, sha256, fingerprint);
    }
}
