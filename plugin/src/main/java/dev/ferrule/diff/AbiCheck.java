package dev.ferrule.diff;

import dev.ferrule.abi.AbiModel;
import dev.ferrule.diff.CheckResult.Finding;
import dev.ferrule.diff.CheckResult.Status;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.semver4j.Semver;

/**
 * Decides what a set of ABI differences means for the build: which are accepted, which the
 * version bump announces, and which fail.
 */
public final class AbiCheck {

    private AbiCheck() {
    }

    public static CheckResult run(String snapshotName, String snapshotFile, AbiModel baseline, AbiModel current,
            List<Acceptance> acceptances, String acceptAllReason, FailOn failOn) {
        List<AbiChange> changes = AbiDiffer.diff(baseline, current);
        String baselineVersion = baseline.crate().version();
        String currentVersion = current.crate().version();

        List<Acceptance> expired = new ArrayList<>();
        List<Acceptance> active = new ArrayList<>();
        for (Acceptance acceptance : acceptances) {
            if (acceptance.until() != null && reached(currentVersion, acceptance.until())) {
                expired.add(acceptance);
            } else {
                active.add(acceptance);
            }
        }
        Set<Acceptance> used = new HashSet<>();
        List<Finding> classified = new ArrayList<>();
        List<SemverLevel> needed = new ArrayList<>();
        for (AbiChange change : changes) {
            Acceptance match = acceptAllReason != null
                    ? new Acceptance(change.rule().name(), change.item(), acceptAllReason, null)
                    : active.stream().filter(a -> a.matches(change)).findFirst().orElse(null);
            if (match != null) {
                used.add(match);
                classified.add(new Finding(change, Status.ACCEPTED, match));
            } else {
                classified.add(new Finding(change, null, null));
                needed.add(change.rule().semver());
            }
        }
        SemverGate.Verdict verdict = SemverGate.check(baselineVersion, currentVersion, SemverGate.required(needed));
        List<Finding> findings = classified.stream().map(f -> f.status() != null ? f
                : new Finding(f.change(), !failOn.fails(f.change().severity()) ? Status.REPORTED
                        : verdict.satisfied() ? Status.COVERED_BY_VERSION : Status.FAILING, null)).toList();
        List<Acceptance> unused = active.stream().filter(a -> !used.contains(a)).toList();
        return new CheckResult(snapshotName, snapshotFile, baselineVersion, currentVersion, findings, verdict, unused,
                List.copyOf(expired), acceptAllReason, failOn);
    }

    private static boolean reached(String version, String until) {
        Semver current = Semver.coerce(version);
        Semver limit = Semver.coerce(until);
        return current != null && limit != null && current.isGreaterThanOrEqualTo(limit);
    }
}
