package dev.ferrule.cargo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Real crates for fixture crates, from Debian's {@code librust-*-dev} packages: there is no
 * crates.io here, and a fixture's own {@code .cargo/config.toml} points {@code crates-io} at the
 * directory these packages install. A missing package fails the test with the command to run.
 */
public final class DebianRegistry {

    public static final Path ROOT = Path.of("/usr/share/cargo/registry");

    private DebianRegistry() {
    }

    /** Fails unless Debian's package of {@code crate} is installed. */
    public static void require(String crate) {
        String debianPackage = "librust-" + crate.replace('_', '-') + "-dev";
        boolean present;
        try (Stream<Path> crates = Files.isDirectory(ROOT) ? Files.list(ROOT) : Stream.empty()) {
            present = crates.anyMatch(p -> p.getFileName().toString().startsWith(crate + "-"));
        } catch (IOException e) {
            present = false;
        }
        if (!present) {
            throw new AssertionError("The fixture crates need the " + crate + " crate from Debian's " + debianPackage
                    + ", which is not installed in " + ROOT + ". Install it with `apt-get install " + debianPackage
                    + "` (bash .ci/run does).");
        }
    }
}
