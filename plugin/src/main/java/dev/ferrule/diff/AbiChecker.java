package dev.ferrule.diff;

import dev.ferrule.abi.AbiException;
import dev.ferrule.abi.AbiSnapshots;
import dev.ferrule.abi.ExtractedAbi;
import dev.ferrule.bind.BindingException;
import dev.ferrule.bind.BindingSnapshots;
import dev.ferrule.cargo.FerruleMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The {@code check-abi} step: compares each extracted ABI with the snapshot committed for the
 * same target and feature set (never with another one), applies acceptances, and writes reports.
 */
public final class AbiChecker {

    public static final String ACCEPTANCES_FILE = "accepted.json";
    public static final String SNAPSHOT_COMMAND = "mvn ferrule:snapshot";

    /**
     * @param abiDir           where snapshots and accepted.json live
     * @param displayRoot      paths in reports are relative to this (the project)
     * @param sourcePrefix     the crate directory relative to the project, with a trailing slash
     * @param acceptAllReason  {@code -Dferrule.abi.acceptBreaking}'s reason, or null
     */
    public record Config(Path abiDir, Path reportDir, Path displayRoot, String sourcePrefix, FailPolicy failOn,
            String acceptAllReason, String toolVersion) {
    }

    /** What a check found for all libraries. */
    public record Outcome(List<CheckResult> results, List<CheckReports.MissingBaseline> missing,
            List<String> notCompared, long compareMillis) {

        public boolean failed() {
            return results.stream().anyMatch(CheckResult::failed);
        }
    }

    private AbiChecker() {
    }

    /**
     * @param metadata  the crate's {@code [package.metadata.ferrule]}, which the current Java API is
     *                  built with, as the generate goal builds it
     */
    public static Outcome check(List<ExtractedAbi> abis, FerruleMetadata metadata, Config config)
            throws CheckException {
        if (config.acceptAllReason() != null && config.acceptAllReason().isBlank()) {
            throw new CheckException("-Dferrule.abi.acceptBreaking needs a reason, for example"
                    + " -Dferrule.abi.acceptBreaking=\"2.0 drops the v1 API\".");
        }
        List<Acceptance> acceptances = Acceptances.read(config.abiDir().resolve(ACCEPTANCES_FILE));
        List<CheckResult> results = new ArrayList<>();
        List<CheckReports.MissingBaseline> missing = new ArrayList<>();
        long compareNanos = 0;
        List<String> compared = new ArrayList<>();
        for (ExtractedAbi abi : abis) {
            Path file = AbiSnapshots.fileFor(config.abiDir(), abi.snapshotName());
            String shown = display(config, file);
            compared.add(file.getFileName().toString());
            if (!Files.isRegularFile(file)) {
                missing.add(new CheckReports.MissingBaseline(abi.snapshotName(), shown, SNAPSHOT_COMMAND));
                continue;
            }
            AbiCheck.Compared comparison;
            try {
                comparison = new AbiCheck.Compared(abi.snapshotName(), shown, AbiSnapshots.read(file),
                        BindingSnapshots.read(file), abi.model(), Optional.of(BindingSnapshots.of(abi.model(),
                                metadata)));
            } catch (AbiException e) {
                throw new CheckException(e.getMessage(), e);
            } catch (BindingException e) {
                throw new CheckException("The Java API of " + abi.snapshotName() + " cannot be compared, because"
                        + " it cannot be generated: " + e.getMessage(), e);
            }
            long start = System.nanoTime();
            try {
                results.add(AbiCheck.run(comparison, acceptances, config.acceptAllReason(), config.failOn()));
            } catch (IllegalArgumentException e) {
                throw new CheckException("Cannot compare versions for " + shown + ": " + e.getMessage(), e);
            }
            compareNanos += System.nanoTime() - start;
        }
        List<String> notCompared = otherSnapshots(config.abiDir(), compared);
        try {
            CheckReports.writeAll(results, missing, config.failOn(), config.toolVersion(), config.sourcePrefix(),
                    config.reportDir());
        } catch (IOException e) {
            throw new CheckException("Could not write the ABI reports to " + config.reportDir() + ": "
                    + e.getMessage(), e);
        }
        return new Outcome(List.copyOf(results), List.copyOf(missing), notCompared, compareNanos / 1_000_000);
    }

    /** Snapshots of other targets or feature sets: listed so nobody wonders why they were skipped. */
    private static List<String> otherSnapshots(Path abiDir, List<String> compared) {
        if (!Files.isDirectory(abiDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(abiDir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(AbiSnapshots.EXTENSION) && !compared.contains(n))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String display(Config config, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(config.displayRoot()) ? config.displayRoot().relativize(absolute).toString()
                : absolute.toString();
    }
}
