package dev.ferrule.gen;

import dev.ferrule.util.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Compiles generated sources the way a user's build does: with a JDK 22+ javac, against
 * ferrule-runtime, with every lint on and warnings as errors. The plugin's own tests run on the
 * JDK that runs Maven, which may be 17, so the compiler is found on disk.
 */
public final class GeneratedJava {

    private GeneratedJava() {
    }

    /**
     * Writes the sources under {@code work/src} and compiles them into {@code work/classes}.
     *
     * @return javac's result: its output must be empty for warning-free sources
     */
    public static Processes.Result compile(Collection<GeneratedSource> sources, Path work)
            throws IOException, InterruptedException {
        return compile(sources, work, false);
    }

    /**
     * As {@link #compile(Collection, Path)}; with {@code withTestClassPath}, against this test
     * run's class path too, so that generated JUnit tests compile.
     */
    public static Processes.Result compile(Collection<GeneratedSource> sources, Path work, boolean withTestClassPath)
            throws IOException, InterruptedException {
        Path javac = JdkLocator.javac(22).orElseThrow(() -> new AssertionError(
                "no JDK 22+ found to compile generated FFM code; install one (see README requirements)"));
        Path root = work.resolve("src");
        for (GeneratedSource source : sources) {
            Path file = root.resolve(source.path());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.content());
        }
        List<String> command = new ArrayList<>(List.of(javac.toString(), "--release", "22", "-Xlint:all", "-Werror",
                "-d", work.resolve("classes").toString()));
        if (withTestClassPath) {
            command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        }
        try (Stream<Path> files = Stream.concat(Files.walk(root),
                Files.walk(Path.of("../runtime/src/main/java").toAbsolutePath()))) {
            // The JUnit extension needs JUnit on the class path; generated code does not use it.
            files.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/runtime/junit/"))
                    .map(Path::toString).sorted().forEach(command::add);
        }
        return Processes.run(command, work, Map.of());
    }
}
