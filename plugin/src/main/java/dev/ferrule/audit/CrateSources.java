package dev.ferrule.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The library's Rust sources: every {@code .rs} file under the directory of its crate root
 * ({@code src/lib.rs} unless {@code [lib] path} says otherwise), scanned once and shared by the rules.
 */
public final class CrateSources {

    private final Path crateDir;
    private final String libRoot;
    private final List<RustSource> files;

    private CrateSources(Path crateDir, String libRoot, List<RustSource> files) {
        this.crateDir = crateDir;
        this.libRoot = libRoot;
        this.files = files;
    }

    /** @param libRoot the crate root, relative to {@code crateDir} */
    public static CrateSources load(Path crateDir, String libRoot) throws IOException {
        Path root = crateDir.resolve(libRoot).normalize();
        Path sourceDir = root.getParent();
        List<RustSource> files = new ArrayList<>();
        if (sourceDir != null && Files.isDirectory(sourceDir)) {
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(sourceDir)) {
                paths = walk.filter(p -> p.toString().endsWith(".rs") && Files.isRegularFile(p)).sorted().toList();
            }
            for (Path path : paths) {
                String relative = crateDir.relativize(path).toString().replace('\\', '/');
                files.add(RustSource.parse(relative, Files.readString(path, StandardCharsets.UTF_8)));
            }
        }
        return new CrateSources(crateDir, libRoot.replace('\\', '/'), List.copyOf(files));
    }

    public Path crateDir() {
        return crateDir;
    }

    public List<RustSource> files() {
        return files;
    }

    public Optional<RustSource> file(String relativePath) {
        return files.stream().filter(f -> f.path().equals(relativePath)).findFirst();
    }

    public Optional<RustSource> libRoot() {
        return file(libRoot);
    }

    /** Whether any file names {@code ident} as a token: cheap evidence that the crate uses it. */
    public boolean mentions(String ident) {
        return files.stream().anyMatch(f -> f.tokens().stream().anyMatch(t -> t.is(ident)));
    }
}
