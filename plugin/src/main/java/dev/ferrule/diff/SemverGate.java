package dev.ferrule.diff;

import java.util.Collection;
import java.util.Locale;
import org.semver4j.Semver;

/**
 * What version bump a set of changes needs, and whether the crate's version carries it. Follows
 * SemVer and Cargo's 0.x convention: below 1.0.0 the minor number is the breaking one
 * (0.3 -> 0.4), and the patch number takes additions (0.3.1 -> 0.3.2).
 */
public final class SemverGate {

    /** The bump between two versions; NONE when they are equal (or the new one is lower). */
    public enum Bump {
        NONE, PATCH, MINOR, MAJOR
    }

    /**
     * @param required  the bump the changes need, in SemVer terms (before the 0.x shift)
     * @param actual    the bump the versions show, in SemVer terms (after the 0.x shift)
     */
    public record Verdict(String baselineVersion, String currentVersion, Bump required, Bump actual,
            boolean satisfied) {

        public String describe() {
            return "version " + baselineVersion + " -> " + currentVersion + " is " + name(actual)
                    + " bump; the changes need " + name(required) + " bump" + (satisfied ? "" : " (not satisfied)");
        }

        private static String name(Bump bump) {
            return bump == Bump.NONE ? "no" : "a " + bump.name().toLowerCase(Locale.ROOT);
        }
    }

    private SemverGate() {
    }

    public static Bump required(Collection<SemverLevel> levels) {
        Bump result = Bump.NONE;
        for (SemverLevel level : levels) {
            Bump bump = Bump.valueOf(level.name());
            if (bump.ordinal() > result.ordinal()) {
                result = bump;
            }
        }
        return result;
    }

    public static Verdict check(String baselineVersion, String currentVersion, Bump required) {
        Semver before = parse(baselineVersion);
        Semver after = parse(currentVersion);
        Bump actual = bump(before, after);
        return new Verdict(baselineVersion, currentVersion, required, actual,
                effective(actual, before).ordinal() >= required.ordinal());
    }

    /** In 0.x a minor bump counts as major and a patch bump as minor (Cargo's rule). */
    private static Bump effective(Bump actual, Semver before) {
        if (before.getMajor() != 0) {
            return actual;
        }
        return switch (actual) {
            case MINOR -> Bump.MAJOR;
            case PATCH -> Bump.MINOR;
            default -> actual;
        };
    }

    private static Bump bump(Semver before, Semver after) {
        if (!after.isGreaterThan(before)) {
            return Bump.NONE;
        }
        if (after.getMajor() != before.getMajor()) {
            return Bump.MAJOR;
        }
        if (after.getMinor() != before.getMinor()) {
            return Bump.MINOR;
        }
        return after.getPatch() != before.getPatch() ? Bump.PATCH : Bump.NONE;
    }

    private static Semver parse(String version) {
        Semver parsed = Semver.parse(version);
        if (parsed == null) {
            parsed = Semver.coerce(version);
        }
        if (parsed == null) {
            throw new IllegalArgumentException("'" + version + "' is not a semantic version (MAJOR.MINOR.PATCH)");
        }
        return parsed;
    }
}
