package dev.ferrule.diff;

import dev.ferrule.abi.AbiModel;
import dev.ferrule.bind.BindingSnapshot;
import dev.ferrule.diff.CheckResult.Finding;
import dev.ferrule.diff.CheckResult.Status;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.semver4j.Semver;

/**
 * Decides what a set of ABI differences means for the build: which are accepted, which the
 * version bump announces, and which fail.
 */
public final class AbiCheck {

    private AbiCheck() {
    }

    /**
     * What one comparison compares: a committed snapshot and the current build, each with the Java
     * API it records, when it does.
     */
    public record Compared(String snapshotName, String snapshotFile, AbiModel baseline,
            Optional<BindingSnapshot> baselineBinding, AbiModel current, Optional<BindingSnapshot> currentBinding) {

        /** A comparison of the C ABI alone. */
        public Compared(String snapshotName, String snapshotFile, AbiModel baseline, AbiModel current) {
            this(snapshotName, snapshotFile, baseline, Optional.empty(), current, Optional.empty());
        }
    }

    /** Compares the C ABI alone. */
    public static CheckResult run(String snapshotName, String snapshotFile, AbiModel baseline, AbiModel current,
            List<Acceptance> acceptances, String acceptAllReason, FailPolicy failOn) {
        return run(new Compared(snapshotName, snapshotFile, baseline, current), acceptances, acceptAllReason, failOn);
    }

    /** Compares the C ABI and, where both sides record it, the Java API. */
    public static CheckResult run(Compared compared, List<Acceptance> acceptances, String acceptAllReason,
            FailPolicy failOn) {
        AbiModel baseline = compared.baseline();
        AbiModel current = compared.current();
        List<AbiChange> changes = new ArrayList<>(AbiDiffer.diff(baseline, current));
        List<String> notes = new ArrayList<>();
        if (compared.baselineBinding().isPresent() && compared.currentBinding().isPresent()) {
            changes.addAll(BindingDiffer.diff(baseline, compared.baselineBinding().get(), current,
                    compared.currentBinding().get()));
        } else if (compared.currentBinding().isPresent()) {
            notes.add(compared.snapshotFile() + " records no Java API (it was written before snapshots did), so only"
                    + " the C ABI was compared. Record it with `" + AbiChecker.SNAPSHOT_COMMAND + "` and commit it.");
        }
        changes = AbiDiffer.sorted(changes);
        String snapshotName = compared.snapshotName();
        String snapshotFile = compared.snapshotFile();
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
                : new Finding(f.change(), !failOn.fails(f.change()) ? Status.REPORTED
                        : verdict.satisfied() ? Status.COVERED_BY_VERSION : Status.FAILING, null)).toList();
        List<Acceptance> unused = active.stream().filter(a -> !used.contains(a)).toList();
        return new CheckResult(snapshotName, snapshotFile, baselineVersion, currentVersion, findings, verdict, unused,
                List.copyOf(expired), acceptAllReason, failOn, List.copyOf(notes));
    }

    private static boolean reached(String version, String until) {
        Semver current = Semver.coerce(version);
        Semver limit = Semver.coerce(until);
        return current != null && limit != null && current.isGreaterThanOrEqualTo(limit);
    }
}
