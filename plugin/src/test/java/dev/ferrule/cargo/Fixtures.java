package dev.ferrule.cargo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Copies fixture crates into a scratch directory so that tests can edit and build them freely. */
public final class Fixtures {

    private static final Path ROOT = Path.of("src/test/rust").toAbsolutePath();

    private Fixtures() {
    }

    public static Path copy(String crate, Path into) throws IOException {
        Path target = into.resolve(crate);
        copyTree(ROOT.resolve(crate), target);
        return target;
    }

    /**
     * Copies a crate written on ferrule-ffi, its path dependency pointed at this repository's
     * ferrule-ffi, which the relative path in the fixture no longer reaches from the copy.
     */
    public static Path copyOnFerruleFfi(String crate, Path into) throws IOException {
        Path target = copy(crate, into);
        Path manifest = target.resolve("Cargo.toml");
        String ffi = Path.of("../rust-template/ferrule-ffi").toAbsolutePath().normalize().toString();
        Files.writeString(manifest, Files.readString(manifest).replace("../../../../../rust-template/ferrule-ffi",
                ffi));
        return target;
    }

    /**
     * {@link #copyOnFerruleFfi} over a copy a previous run left, which is removed first: a test
     * that edits the copy must not find last run's edit, or last run's fixture.
     */
    public static Path freshCopyOnFerruleFfi(String crate, Path into) throws IOException {
        Path target = into.resolve(crate);
        if (Files.exists(target)) {
            try (Stream<Path> files = Files.walk(target)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return copyOnFerruleFfi(crate, into);
    }

    /** Copies a directory tree, leaving out build output ({@code target/} at any depth). */
    public static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            files.filter(p -> !isBuildOutput(source.relativize(p))).forEach(p -> {
                try {
                    Path destination = target.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(destination);
                    } else {
                        Files.copy(p, destination);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static boolean isBuildOutput(Path relative) {
        for (Path part : relative) {
            if (part.toString().equals("target")) {
                return true;
            }
        }
        return false;
    }

    /** A request with the plugin's defaults, building {@code crateDir} under {@code work}. */
    static CargoBuildRequest request(Path crateDir, Path work) {
        return new Request(crateDir, work).toRequest();
    }

    /** A mutable builder so each test changes only what it is about. */
    public static final class Request {
        public final Path crateDir;
        final Path work;
        public List<String> features = new ArrayList<>();
        boolean noDefaultFeatures;
        boolean allFeatures;
        String profile = "release";
        List<String> targets = new ArrayList<>();
        List<String> extraArgs = new ArrayList<>();
        Map<String, String> env = Map.of();
        String unsafePattern = UnsafeFeaturePolicy.DEFAULT_PATTERN;
        Map<String, String> allowed = Map.of();
        boolean release;

        public Request(Path crateDir, Path work) {
            this.crateDir = crateDir;
            this.work = work;
        }

        public CargoBuildRequest toRequest() {
            return new CargoBuildRequest(crateDir, cargoTargetDir(), work.resolve("classes"), work.resolve("ferrule"),
                    work, new FeatureSelection(features, noDefaultFeatures, allFeatures), profile, targets,
                    extraArgs, env, unsafePattern, allowed, release);
        }

        // Shared across tests so that each fixture compiles once per run, not once per test.
        private Path cargoTargetDir() {
            return Path.of("target/fixture-cargo").toAbsolutePath().resolve(crateDir.getFileName());
        }
    }
}
