package dev.ferrule.cargo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import org.codehaus.plexus.util.SelectorUtils;

/**
 * Keeps risky features ({@code unsafe-*} by default) out of releases unless someone allowed
 * them on purpose, in writing. Snapshot builds may use them, with a warning, so that developers
 * can try them without ceremony.
 *
 * @param pattern  glob that marks a feature as risky
 * @param allowed  risky features allowed in a release, each with the reason it is acceptable
 * @param release  whether this build produces a release
 */
public record UnsafeFeaturePolicy(String pattern, SortedMap<String, String> allowed, boolean release) {

    public static final String DEFAULT_PATTERN = "unsafe-*";

    public UnsafeFeaturePolicy {
        allowed = new TreeMap<>(allowed);
    }

    public static UnsafeFeaturePolicy of(String pattern, Map<String, String> allowed, boolean release)
            throws CargoException {
        if (pattern == null || pattern.isBlank()) {
            throw CargoException.invalid("<unsafePattern> is empty. Leave it unset for the default '"
                    + DEFAULT_PATTERN + "', or give a glob such as 'unsafe-*'.");
        }
        for (Map.Entry<String, String> entry : allowed.entrySet()) {
            if (entry.getKey() == null || entry.getKey().isBlank()) {
                throw CargoException.invalid("An <allowUnsafeFeature> entry has no <name>.");
            }
            if (entry.getValue() == null || entry.getValue().isBlank()) {
                throw CargoException.invalid("<allowUnsafeFeature> '" + entry.getKey() + "' has no <reason>."
                        + " Write down why this risky feature is acceptable in a release.");
            }
        }
        return new UnsafeFeaturePolicy(pattern.strip(), new TreeMap<>(allowed), release);
    }

    /** A risky feature that this build enables, and whether and why it is allowed. */
    public record RiskyFeature(String name, boolean allowed, String reason) {
    }

    public boolean isRisky(String feature) {
        return SelectorUtils.match(pattern, feature);
    }

    /**
     * Checks the features a build enables.
     *
     * @return every risky feature in the build, for the log and build-info
     * @throws CargoException when a release enables a risky feature that is not allowed
     */
    public List<RiskyFeature> check(SortedSet<String> enabled, String crateName) throws CargoException {
        List<RiskyFeature> risky = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String feature : enabled) {
            if (!isRisky(feature)) {
                continue;
            }
            String reason = allowed.get(feature);
            risky.add(new RiskyFeature(feature, reason != null, reason));
            if (reason == null && release) {
                refused.add(feature);
            }
        }
        if (!refused.isEmpty()) {
            throw new CargoException(CargoException.Kind.POLICY_VIOLATION, "Release build of " + crateName
                    + " enables risky feature(s) " + refused + " (matching '" + pattern + "')."
                    + " Risky features never reach a release by accident. Either turn them off,"
                    + " or allow each one on purpose:\n"
                    + "  <allowUnsafeFeatures>\n"
                    + "    <allowUnsafeFeature><name>" + refused.get(0) + "</name>"
                    + "<reason>why this is acceptable</reason></allowUnsafeFeature>\n"
                    + "  </allowUnsafeFeatures>");
        }
        return List.copyOf(risky);
    }

    /** Allowances that name a feature the pattern does not call risky; likely a typo. */
    public List<String> allowancesOutsidePattern() {
        return allowed.keySet().stream().filter(name -> !isRisky(name)).toList();
    }
}
