package dev.ferrule.diff;

/**
 * How a change affects one axis of compatibility, and the release it needs there.
 *
 * @param severity  how much it can hurt what was built or written against the previous version
 * @param semver    the version bump it requires on this axis
 */
public record Compat(Severity severity, SemverLevel semver) {

    /** A short name for enum entries: {@code on(BREAKING, MAJOR)}. */
    public static Compat on(Severity severity, SemverLevel semver) {
        return new Compat(severity, semver);
    }

    @Override
    public String toString() {
        return severity + " (" + SemverGate.releaseKind(semver) + ")";
    }
}
