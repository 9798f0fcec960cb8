package dev.ferrule.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Points {@code ferrule.native.dir} at a fresh directory for each test and restores it after,
 * so that tests neither share extracted libraries nor touch the user's real extraction root.
 */
final class ExtractionRoot implements BeforeEachCallback, AfterEachCallback {

    private static final String PROPERTY = "ferrule.native.dir";

    private String previous;
    private Path parent;
    private Path root;

    /** The extraction root of the running test; it does not exist until a library is extracted. */
    Path path() {
        return root;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        previous = System.getProperty(PROPERTY);
        parent = Files.createTempDirectory("ferrule-extraction-test");
        root = parent.resolve("natives");
        System.setProperty(PROPERTY, root.toString());
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (previous == null) {
            System.clearProperty(PROPERTY);
        } else {
            System.setProperty(PROPERTY, previous);
        }
        try (Stream<Path> files = Files.walk(parent)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                file.toFile().setWritable(true);
                Files.deleteIfExists(file);
            }
        }
    }
}
