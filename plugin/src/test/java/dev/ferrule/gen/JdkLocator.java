package dev.ferrule.gen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds an installed JDK 22+ for compiling generated FFM code in tests (the plugin's own tests run
 * on the JDK that runs Maven, which may be 17). Looks where maven-toolchains-plugin looks.
 */
public final class JdkLocator {

    private JdkLocator() {
    }

    public static Optional<Path> javac(int minimumMajor) {
        List<Path> homes = new ArrayList<>();
        System.getenv().forEach((key, value) -> {
            if (key.startsWith("JAVA") && key.endsWith("_HOME")) {
                homes.add(Path.of(value));
            }
        });
        homes.add(Path.of(System.getProperty("java.home")));
        for (Path root : List.of(Path.of("/usr/lib/jvm"), Path.of(System.getProperty("user.home"), ".jdks"))) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> children = Files.list(root)) {
                    children.sorted().forEach(homes::add);
                } catch (IOException e) {
                    // An unreadable folder just has no JDKs for us.
                }
            }
        }
        return homes.stream().filter(home -> major(home) >= minimumMajor).map(home -> home.resolve("bin/javac"))
                .filter(Files::isExecutable).findFirst();
    }

    private static int major(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String digits = line.substring(13).replace("\"", "").split("[^0-9]")[0];
                    return digits.isEmpty() ? 0 : Integer.parseInt(digits);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
