package dev.ferrule.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrule.util.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MISSING_CARGO_LOCK asks git, because the build itself writes the lock file a commit may lack. */
class LockFilesTest {

    @TempDir
    Path dir;

    private void git(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-c", "user.name=t", "-c",
                "user.email=t@example.invalid"));
        command.addAll(List.of(args));
        assertThat(Processes.run(command, dir, Map.of()).succeeded()).as("git %s", List.of(args)).isTrue();
    }

    @Test
    void aLockLeftBesideACommittedManifestIsNotCommitted() throws Exception {
        Files.writeString(dir.resolve("Cargo.toml"), "[package]\n");
        git("init", "-q");
        git("add", "Cargo.toml");
        git("commit", "-q", "-m", "manifest only");
        Files.writeString(dir.resolve("Cargo.lock"), "version = 4\n");
        assertThat(LockFiles.committed(dir.resolve("Cargo.lock"))).isFalse();

        git("add", "Cargo.lock");
        assertThat(LockFiles.committed(dir.resolve("Cargo.lock"))).isTrue();
    }

    @Test
    void outsideGitALockCountsWhenItExists() throws Exception {
        Files.writeString(dir.resolve("Cargo.toml"), "[package]\n");
        assertThat(LockFiles.committed(dir.resolve("Cargo.lock"))).isFalse();
        Files.writeString(dir.resolve("Cargo.lock"), "version = 4\n");
        assertThat(LockFiles.committed(dir.resolve("Cargo.lock"))).isTrue();
    }
}
