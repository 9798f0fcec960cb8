package dev.ferrule.audit;

import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.ferrule.abi.AbiModel;
import dev.ferrule.cargo.CargoPackage;
import dev.ferrule.report.Report;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code ferrule:audit}'s core: every rule over one crate, then the suppressions. */
public final class Auditor {

    /**
     * @param model              the crate's exported ABI, as built
     * @param crate              the crate, as cargo metadata describes it after the build
     * @param projectRoot        path dependencies outside it are findings
     * @param lockCommitted      from {@link LockFiles#committed}, asked before the build
     * @param guardMacros        macros besides ferrule-ffi's that wrap their exports in catch_unwind
     * @param suppressionsFile   the suppressions file (need not exist); {@code suppressionsShown} names it
     * @param clippy             how to run clippy, or null to leave clippy out
     */
    public record Request(AbiModel model, CargoPackage crate, Path projectRoot, boolean lockCommitted,
            String unsafePattern, Set<String> guardMacros, Path suppressionsFile, String suppressionsShown,
            ClippyLints.Request clippy, FailLevel failOn) {
    }

    /**
     * @param findings   every finding, suppressed or not, in a stable order
     * @param scanMillis time in the audit's own code (reading and rules), without clippy
     */
    public record Result(String crateName, String crateVersion, List<Suppressions.Audited> findings,
            FailLevel failOn, long scanMillis, long clippyMillis) {

        public boolean failed() {
            return findings.stream().anyMatch(this::failing);
        }

        public boolean failing(Suppressions.Audited audited) {
            return !audited.suppressed() && failOn.fails(audited.finding().rule().level());
        }

        /** Unsuppressed findings per level. */
        public Map<Report.Level, Long> counts() {
            Map<Report.Level, Long> counts = new EnumMap<>(Report.Level.class);
            for (Report.Level level : Report.Level.values()) {
                counts.put(level, findings.stream().filter(f -> !f.suppressed()
                        && f.finding().rule().level() == level).count());
            }
            return counts;
        }

        public long suppressedCount() {
            return findings.stream().filter(Suppressions.Audited::suppressed).count();
        }
    }

    private Auditor() {
    }

    public static Result audit(Request request) throws AuditException {
        long start = System.nanoTime();
        CargoPackage crate = request.crate();
        Path crateDir = crate.manifestPath().getParent();
        CrateSources sources;
        try {
            String libRoot = new TomlMapper().readTree(crate.manifestPath().toFile()).path("lib").path("path")
                    .asText("src/lib.rs");
            sources = CrateSources.load(crateDir, libRoot);
        } catch (IOException e) {
            throw new AuditException("Could not read the sources of " + crate.name() + ": " + e.getMessage(), e);
        }
        List<AuditFinding> findings = new ArrayList<>();
        findings.addAll(ExportRules.check(request.model(), sources, request.guardMacros()));
        findings.addAll(SourceRules.check(sources));
        findings.addAll(CargoRules.check(crate, sources, request.projectRoot(), request.lockCommitted(),
                request.unsafePattern()));
        long scanned = System.nanoTime();
        if (request.clippy() != null) {
            findings.addAll(ClippyLints.run(request.clippy(), sources));
        }
        long clippied = System.nanoTime();
        List<String> tomlFiles = List.of("Cargo.toml",
                crateDir.relativize(crate.workspaceRoot().resolve("Cargo.toml")).toString().replace('\\', '/'));
        Suppressions suppressions = Suppressions.load(request.suppressionsFile(), request.suppressionsShown(),
                sources, tomlFiles.stream().distinct().toList());
        List<AuditFinding> unique = findings.stream().distinct().sorted(AuditFinding.ORDER).toList();
        List<Suppressions.Audited> audited = new ArrayList<>(suppressions.apply(unique));
        audited.sort(Comparator.comparing(Suppressions.Audited::finding, AuditFinding.ORDER));
        long end = System.nanoTime();
        return new Result(crate.name(), crate.version(), List.copyOf(audited), request.failOn(),
                (scanned - start + end - clippied) / 1_000_000, (clippied - scanned) / 1_000_000);
    }
}
