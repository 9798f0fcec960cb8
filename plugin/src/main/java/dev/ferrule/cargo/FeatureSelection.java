package dev.ferrule.cargo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The features a build asks cargo for, checked against the crate before cargo runs so that a
 * typo fails fast with the list of real features.
 */
public record FeatureSelection(List<String> features, boolean noDefaultFeatures, boolean allFeatures) {

    public FeatureSelection {
        features = features.stream().map(String::strip).filter(f -> !f.isEmpty()).distinct().sorted().toList();
    }

    /** Rejects combinations cargo would accept but that cannot mean what the user wanted. */
    public void validateCombination() throws CargoException {
        if (allFeatures && !features.isEmpty()) {
            throw CargoException.invalid("<allFeatures> enables every feature, so <features> " + features
                    + " would be ignored. Set one or the other.");
        }
        if (allFeatures && noDefaultFeatures) {
            throw CargoException.invalid("<allFeatures> and <noDefaultFeatures> contradict each other:"
                    + " all features include the default ones. Set one or the other.");
        }
    }

    public void validateAgainst(CargoPackage pkg) throws CargoException {
        for (String feature : features) {
            // "dep/feature" switches on a dependency's feature; cargo checks those itself.
            if (!feature.contains("/") && !pkg.features().containsKey(feature)) {
                throw CargoException.invalid("Unknown feature '" + feature + "' for crate " + pkg.name() + ". "
                        + (pkg.features().isEmpty()
                                ? "The crate declares no features."
                                : "Available: " + String.join(", ", new TreeSet<>(pkg.features().keySet())) + ".")
                        + " Features are declared in the [features] table of " + pkg.manifestPath() + ".");
            }
        }
    }

    /**
     * The crate's own features this selection switches on, following each feature's list the way
     * cargo does. Needed before the build, so that a forbidden feature reached only through
     * {@code default} is refused before anything is compiled.
     */
    public SortedSet<String> resolve(CargoPackage pkg) {
        Map<String, List<String>> table = pkg.features();
        SortedSet<String> enabled = new TreeSet<>();
        Deque<String> pending = new ArrayDeque<>();
        if (allFeatures) {
            pending.addAll(table.keySet());
        } else {
            pending.addAll(features);
            if (!noDefaultFeatures && table.containsKey("default")) {
                pending.add("default");
            }
        }
        while (!pending.isEmpty()) {
            String feature = pending.pop();
            if (feature.contains("/") || feature.startsWith("dep:") || !enabled.add(feature)) {
                continue;
            }
            pending.addAll(table.getOrDefault(feature, List.of()));
        }
        enabled.retainAll(table.keySet());
        return enabled;
    }

    /** The cargo flags for this selection. */
    public List<String> cargoArgs() {
        if (allFeatures) {
            return List.of("--all-features");
        }
        List<String> args = new ArrayList<>();
        if (noDefaultFeatures) {
            args.add("--no-default-features");
        }
        if (!features.isEmpty()) {
            args.add("--features");
            args.add(String.join(",", features));
        }
        return List.copyOf(args);
    }
}
