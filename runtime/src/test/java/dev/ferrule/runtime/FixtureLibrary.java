package dev.ferrule.runtime;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Builds the loader-fixture crate once with cargo and lays it out as ferrule-maven-plugin would. */
final class FixtureLibrary {

    private static Path built;

    private FixtureLibrary() {
    }

    static synchronized Path build() throws IOException, InterruptedException {
        if (built == null) {
            Path crate = Path.of(System.getProperty("ferrule.test.fixtureDir"));
            Path targetDir = Path.of(System.getProperty("ferrule.test.cargoTargetDir"));
            Process cargo = new ProcessBuilder(List.of("cargo", "build", "--release", "--locked", "--quiet",
                    "--manifest-path", crate.resolve("Cargo.toml").toString(), "--target-dir", targetDir.toString()))
                    .inheritIO()
                    .start();
            if (cargo.waitFor() != 0) {
                throw new IllegalStateException("cargo could not build the loader fixture in " + crate);
            }
            built = targetDir.resolve("release").resolve(Platform.current().libraryFileName("loader_fixture"));
        }
        return built;
    }

    /**
     * Writes a class-path root holding the fixture under {@code name}, with its checksum, and
     * returns a fresh class loader over it.
     */
    static URLClassLoader packaged(Path root, String name) throws IOException, InterruptedException {
        Platform platform = Platform.current();
        Path dir = root.resolve(NativeLibrary.NATIVE_ROOT).resolve(platform.id());
        Files.createDirectories(dir);
        String fileName = platform.libraryFileName(name);
        byte[] bytes = Files.readAllBytes(build());
        Files.write(dir.resolve(fileName), bytes);
        Files.writeString(dir.resolve(fileName + ".sha256"),
                LibraryExtractor.sha256(bytes) + "  " + fileName + "\n", StandardCharsets.US_ASCII);
        return classLoaderOver(root);
    }

    static URLClassLoader classLoaderOver(Path root) throws IOException {
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    static Path libraryIn(Path root, String name) {
        Platform platform = Platform.current();
        return root.resolve(NativeLibrary.NATIVE_ROOT).resolve(platform.id()).resolve(platform.libraryFileName(name));
    }
}
