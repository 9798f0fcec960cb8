package dev.ferrule.cargo;

import java.util.List;

/**
 * The result of a build.
 *
 * @param crate         the crate that was built
 * @param toolchain     the cargo and rustc that built it
 * @param cargoSkipped  true when the inputs were unchanged and cargo was not run
 * @param skipReason    why cargo ran, or why it did not
 */
public record BuildOutcome(CargoPackage crate, RustToolchain toolchain, List<PackagedLibrary> libraries,
        boolean cargoSkipped, String skipReason, List<UnsafeFeaturePolicy.RiskyFeature> riskyFeatures) {

    public String crateName() {
        return crate.name();
    }

    public String crateVersion() {
        return crate.version();
    }
}
