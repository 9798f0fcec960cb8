package dev.ferrule.diff;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of comparing one snapshot with the current ABI.
 *
 * @param snapshotName        {@code <lib>-<triple>[-<features>]}
 * @param snapshotFile        the committed snapshot, relative to the project
 * @param unusedAcceptances   acceptances that matched no difference, to be cleaned up
 * @param expiredAcceptances  acceptances whose {@code until} version has been reached; not applied
 * @param acceptAllReason     the reason given with {@code -Dferrule.abi.acceptBreaking}, or null
 * @param notes               what the reader should know about the comparison itself, such as a
 *                            snapshot that records no Java API
 */
public record CheckResult(String snapshotName, String snapshotFile, String baselineVersion, String currentVersion,
        List<Finding> findings, SemverGate.Verdict semver, List<Acceptance> unusedAcceptances,
        List<Acceptance> expiredAcceptances, String acceptAllReason, FailPolicy failOn, List<String> notes) {

    /** What happened to a difference. */
    public enum Status {
        /** Fails the build: severe enough, not accepted, and the version does not carry the bump. */
        FAILING,
        /** Accepted by an entry of accepted.json, or by -Dferrule.abi.acceptBreaking. */
        ACCEPTED,
        /** Severe enough to fail, but the version bump already announces it. */
        COVERED_BY_VERSION,
        /** Reported only: below the failOn level. */
        REPORTED
    }

    /** A difference and what the check made of it. */
    public record Finding(AbiChange change, Status status, Acceptance acceptance) {
    }

    public boolean failed() {
        return findings.stream().anyMatch(f -> f.status() == Status.FAILING);
    }

    /** How many changes have each severity on the C ABI. */
    public Map<Severity, Long> binaryCounts() {
        return counts(f -> f.change().binary().severity());
    }

    /** How many changes have each severity on the Java API. */
    public Map<Severity, Long> sourceCounts() {
        return counts(f -> f.change().source().severity());
    }

    private Map<Severity, Long> counts(java.util.function.Function<Finding, Severity> axis) {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            counts.put(severity, findings.stream().filter(f -> axis.apply(f) == severity).count());
        }
        return counts;
    }
}
