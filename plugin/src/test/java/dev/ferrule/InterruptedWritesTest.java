package dev.ferrule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrule.cargo.BuildOutcome;
import dev.ferrule.cargo.CargoBuilder;
import dev.ferrule.cargo.Fixtures;
import dev.ferrule.cargo.NativePackager;
import dev.ferrule.cargo.RecordingLog;
import dev.ferrule.util.AtomicFiles;
import dev.ferrule.util.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kill between a temporary file's write and its rename, at every rename a build's writes make,
 * by fault injection: strace stops the JVM with SIGKILL on its Nth rename. Whatever the kill
 * leaves must be somewhere neither the jar nor git picks up, and the next build must remove it
 * and say so.
 */
class InterruptedWritesTest {

    private static final Path SNAPSHOT = Path.of("src/test/resources/golden/abi_fixture-x86_64-unknown-linux-gnu.abi.json")
            .toAbsolutePath();

    @TempDir
    static Path work;

    private static Path packaged;

    @BeforeAll
    static void buildOnce() throws Exception {
        Processes.Result strace = Processes.run(List.of("strace", "-V"), work, Map.of());
        assertThat(strace.succeeded()).as("strace is needed for fault injection: apt-get install strace (.ci/run"
                + " installs it)").isTrue();
        Fixtures.Request request = new Fixtures.Request(Fixtures.copy("abi", work.resolve("template")),
                work.resolve("template"));
        BuildOutcome build = new CargoBuilder(new RecordingLog()).build(request.toRequest());
        packaged = build.libraries().get(0).library().getParent();
    }

    /** Runs the writes under strace, killed at the {@code rename}-th rename; true when it was killed. */
    private static boolean killedAt(Path project, int rename) throws Exception {
        String inject = "inject=rename,renameat,renameat2:signal=SIGKILL:when=" + rename;
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Processes.Result run = Processes.run(List.of("strace", "-f", "-qq", "-o", "/dev/null",
                "-e", "trace=rename,renameat,renameat2", "-e", inject, java.toString(), "-cp",
                System.getProperty("java.class.path"), InterruptedWritesDriver.class.getName(), project.toString(),
                packaged.toString(), SNAPSHOT.toString()), project, Map.of());
        if (run.stdout().contains("every write done")) {
            return false;
        }
        assertThat(run.exitCode()).as("killed by SIGKILL: %s", run.stderr()).isNotZero();
        return true;
    }

    private static List<Path> tempFiles(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().startsWith(AtomicFiles.TEMP_PREFIX)).toList();
        }
    }

    @Test
    void aKillAtAnyRenameLeavesNothingToShipOrCommitAndTheNextBuildCleansUp() throws Exception {
        List<Integer> killedAt = new ArrayList<>();
        for (int rename = 1; rename <= 40; rename++) {
            Path project = work.resolve("kill-" + rename);
            Fixtures.copyTree(work.resolve("template/abi"), project.resolve("abi"));
            if (!killedAt(project, rename)) {
                break;
            }
            killedAt.add(rename);

            // What the kill left is under target/ferrule/tmp only: not in the classes the jar packs,
            // nor in src/, nor among the generated sources.
            List<Path> left = tempFiles(project);
            assertThat(left).as("kill at rename %d left a temporary file", rename).isNotEmpty()
                    .allMatch(p -> p.startsWith(project.resolve("ferrule/tmp")), "under ferrule/tmp");

            RecordingLog log = new RecordingLog();
            Fixtures.Request next = new Fixtures.Request(project.resolve("abi"), project);
            new CargoBuilder(log).build(next.toRequest());

            assertThat(tempFiles(project)).as("after the next build").isEmpty();
            assertThat(log.lines).anyMatch(l -> l.startsWith("WARN Removed " + left.size()
                    + " temporary file(s) that an interrupted run left: ferrule/tmp/"));
            try (Stream<Path> natives = Files.list(project.resolve("classes").resolve(NativePackager.NATIVE_ROOT)
                    .resolve("linux-x86_64"))) {
                assertThat(natives.map(p -> p.getFileName().toString()).sorted()).containsExactly(
                        "build-info.json", "libabi_fixture.so", "libabi_fixture.so.sha256");
            }
        }
        // Each write of the sequence was interrupted once: the library, its checksum and build
        // record, the snapshot, the generated class and the four reports.
        assertThat(killedAt).hasSizeGreaterThanOrEqualTo(9);
    }

    @Test
    void aBuildRunningAtTheSameTimeKeepsItsTemporaryFiles() throws Exception {
        Path project = work.resolve("concurrent");
        Fixtures.copyTree(work.resolve("template/abi"), project.resolve("abi"));
        // A live process's directory, as a second build in flight has it.
        Path live = project.resolve("ferrule/tmp/" + ProcessHandle.current().pid() + "/.ferrule-1.tmp");
        Files.createDirectories(live.getParent());
        Files.writeString(live, "half");

        new CargoBuilder(new RecordingLog()).build(new Fixtures.Request(project.resolve("abi"), project).toRequest());

        assertThat(live).exists();
    }
}
