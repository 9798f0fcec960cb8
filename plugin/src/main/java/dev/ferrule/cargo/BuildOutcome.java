package dev.ferrule.cargo;

import java.util.List;

/**
 * The result of a build.
 *
 * @param cargoSkipped  true when the inputs were unchanged and cargo was not run
 * @param skipReason    why cargo ran, or why it did not
 */
public record BuildOutcome(String crateName, String crateVersion, List<PackagedLibrary> libraries,
        boolean cargoSkipped, String skipReason, List<UnsafeFeaturePolicy.RiskyFeature> riskyFeatures) {
}
