package dev.ferrule.cargo;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What a packaged library was built from, stored beside it as {@code build-info.json}. The key
 * order is fixed and there is no timestamp, so the same inputs give the same bytes.
 */
@JsonPropertyOrder({"schemaVersion", "crateName", "crateVersion", "target", "platform", "profile", "features",
        "unsafeFeatures", "rustc", "library", "sha256"})
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
        String sha256) {

    public static final int SCHEMA_VERSION = 1;

    public BuildInfo {
        features = List.copyOf(features.stream().sorted().toList());
        unsafeFeatures = List.copyOf(unsafeFeatures);
    }
}
