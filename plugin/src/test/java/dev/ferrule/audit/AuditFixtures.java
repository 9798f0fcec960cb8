package dev.ferrule.audit;

import dev.ferrule.abi.AbiExtractor;
import dev.ferrule.abi.ExtractedAbi;
import dev.ferrule.cargo.BuildOutcome;
import dev.ferrule.cargo.CargoBuildRequest;
import dev.ferrule.cargo.CargoBuilder;
import dev.ferrule.cargo.FeatureSelection;
import dev.ferrule.cargo.Fixtures;
import dev.ferrule.cargo.RecordingLog;
import dev.ferrule.cargo.UnsafeFeaturePolicy;
import dev.ferrule.util.Processes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lays out the audit fixture crates as a small project in a scratch directory, outside any git
 * work tree:
 *
 * <pre>
 * root/project/            the project root the audit is given
 * root/project/deps/       helper crates inside the project
 * root/project/&lt;crate&gt;/    the crate under audit
 * root/outside-dep/        a crate outside the project
 * root/git-dep/            a git repository holding a crate
 * </pre>
 *
 * Builds share one cargo target directory, so each crate under audit gets a unique package name.
 */
final class AuditFixtures {

    static final Path SOURCES = Path.of("src/test/rust/audit").toAbsolutePath();
    private static final Path CARGO_TARGET = Path.of("target/audit-fixture-cargo").toAbsolutePath();

    final Path root;
    final Path project;

    AuditFixtures(Path root) throws IOException {
        this.root = root;
        this.project = root.resolve("project");
        copy(SOURCES.resolve("deps"), project.resolve("deps"));
        copy(SOURCES.resolve("outside-dep"), root.resolve("outside-dep"));
    }

    /** Copies fixture {@code fixture} to {@code project/<as>}, renamed to package {@code as}. */
    Path crate(String fixture, String as) throws IOException {
        Path dir = project.resolve(as);
        copy(SOURCES.resolve(fixture), dir);
        Path manifest = dir.resolve("Cargo.toml");
        String text = Files.readString(manifest).replaceFirst("(?m)^name = \"[^\"]*\"", "name = \"" + as + "\"");
        Files.writeString(manifest, text.replace("@GIT_DEP_URL@", gitDependency().toUri().toString()));
        if (Files.exists(dir.resolve("Cargo.lock"))) {
            // The lock names the package, which was just renamed.
            lock(dir);
        }
        return dir;
    }

    /** A git repository with a crate in it, created on first use. */
    Path gitDependency() throws IOException {
        Path repo = root.resolve("git-dep");
        if (Files.isDirectory(repo.resolve(".git"))) {
            return repo;
        }
        Files.createDirectories(repo.resolve("src"));
        Files.writeString(repo.resolve("Cargo.toml"), "[package]\nname = \"audit-git\"\nversion = \"0.1.0\"\n"
                + "edition = \"2021\"\npublish = false\n");
        Files.writeString(repo.resolve("src/lib.rs"), "//! From git.\n\n/// One.\npub const ANSWER: u32 = 1;\n");
        run(repo, "git", "init", "-q");
        run(repo, "git", "add", ".");
        run(repo, "git", "-c", "user.name=ferrule", "-c", "user.email=ferrule@example.invalid", "commit", "-q",
                "-m", "crate");
        return repo;
    }

    static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.contains(from)) {
            throw new IllegalStateException(file + " does not contain " + from);
        }
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    static void append(Path file, String text) throws IOException {
        Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8) + text, StandardCharsets.UTF_8);
    }

    /** Writes a fresh Cargo.lock, as a project that commits its lock file would have. */
    static void lock(Path crateDir) throws IOException {
        run(crateDir, "cargo", "generate-lockfile", "--quiet");
    }

    /** Builds, extracts and audits the crate the way ferrule:audit does. */
    Auditor.Result audit(Path crateDir, boolean clippy, Path suppressions) throws Exception {
        return audit(crateDir, project, clippy, suppressions, crateDir.resolve("target-maven"));
    }

    /** @param work where the build's Maven-side output goes */
    static Auditor.Result audit(Path crateDir, Path projectRoot, boolean clippy, Path suppressions, Path work)
            throws Exception {
        RecordingLog log = new RecordingLog();
        CargoBuildRequest request = new CargoBuildRequest(crateDir, CARGO_TARGET, work.resolve("classes"),
                work.resolve("ferrule"), work, new FeatureSelection(List.of(), false, false), "release", List.of(),
                List.of(), Map.of(), UnsafeFeaturePolicy.DEFAULT_PATTERN, Map.of(), false);
        boolean lockCommitted = LockFiles.committed(request);
        BuildOutcome build = new CargoBuilder(log).build(request);
        ExtractedAbi abi = new AbiExtractor(log).extract(request, build).get(0);
        return Auditor.audit(new Auditor.Request(abi.model(), build.crate(), projectRoot, lockCommitted,
                UnsafeFeaturePolicy.DEFAULT_PATTERN, Set.of(), suppressions, "suppressions.json",
                clippy ? ClippyLints.request(build, request, CARGO_TARGET.resolve("clippy"), List.of()) : null,
                FailLevel.ERROR));
    }

    private static void run(Path dir, String... command) throws IOException {
        Processes.Result result = Processes.run(List.of(command), dir, Map.of());
        if (!result.succeeded()) {
            throw new IOException(String.join(" ", command) + " failed in " + dir + ":\n" + result.stderr());
        }
    }

    private static void copy(Path source, Path target) throws IOException {
        Fixtures.copyTree(source, target);
    }
}
