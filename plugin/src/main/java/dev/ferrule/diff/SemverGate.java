package dev.ferrule.diff;

import java.util.Collection;
import java.util.Locale;
import org.semver4j.Semver;

/**
 * What release a set of changes needs, and whether the crate's version is one. Follows SemVer as
 * Cargo applies it: a version is compatible with another when their left-most non-zero numbers
 * agree. So from 1.0 the major number is the breaking one, below 1.0 the minor number
 * (0.3 -> 0.4), and in 0.0.x every new version breaks; what is left of the number takes
 * features and fixes. Every message names releases in those terms (a breaking, feature or patch
 * release), never in raw digits, so that a 0.x verdict reads the same way as a 1.x one.
 */
public final class SemverGate {

    /** The kind of release, in Cargo's terms; NONE when the versions are equal (or the new one is lower). */
    public enum Bump {
        NONE, PATCH, MINOR, MAJOR
    }

    /**
     * @param required  the release the changes need
     * @param actual    the release the two versions make, by Cargo's rule (0.1.1 -> 0.2.0 is MAJOR)
     */
    public record Verdict(String baselineVersion, String currentVersion, Bump required, Bump actual,
            boolean satisfied) {

        public String describe() {
            boolean belowOne = parse(baselineVersion).getMajor() == 0 && actual != Bump.NONE;
            return "version " + baselineVersion + " -> " + currentVersion + " is "
                    + (actual == Bump.NONE ? "not a new release" : releaseKind(actual))
                    + (belowOne ? " (Cargo's rule below 1.0)" : "") + "; the changes need "
                    + (required == Bump.NONE ? "no new release" : releaseKind(required))
                    + (satisfied ? "" : " (not satisfied)");
        }
    }

    private SemverGate() {
    }

    /** {@code a breaking release}, {@code a feature release} or {@code a patch release}. */
    public static String releaseKind(SemverLevel level) {
        return releaseKind(Bump.valueOf(level.name()));
    }

    static String releaseKind(Bump bump) {
        return switch (bump) {
            case MAJOR -> "a breaking release";
            case MINOR -> "a feature release";
            case PATCH -> "a patch release";
            case NONE -> "no release";
        };
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
        Bump actual = release(parse(baselineVersion), parse(currentVersion));
        return new Verdict(baselineVersion, currentVersion, required, actual, actual.ordinal() >= required.ordinal());
    }

    /** The kind of release from one version to the next, by Cargo's left-most-non-zero rule. */
    private static Bump release(Semver before, Semver after) {
        if (!after.isGreaterThan(before)) {
            return Bump.NONE;
        }
        long[] was = {before.getMajor(), before.getMinor(), before.getPatch()};
        long[] is = {after.getMajor(), after.getMinor(), after.getPatch()};
        int breaking = was[0] != 0 ? 0 : was[1] != 0 ? 1 : 2;
        for (int i = 0; i < 3; i++) {
            if (was[i] != is[i]) {
                return i <= breaking ? Bump.MAJOR : i == breaking + 1 ? Bump.MINOR : Bump.PATCH;
            }
        }
        // Only a pre-release or build part differs.
        return Bump.PATCH;
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
