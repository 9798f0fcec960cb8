package dev.ferrule.cargo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Platform-classifier jars, the alternative to one merged jar: each platform's library in a jar
 * of its own ({@code <name>-natives-<platform>.jar}), so an application ships only the natives
 * it runs on. The loader finds {@code META-INF/native/<platform>/} in any jar of the class path,
 * so the bindings jar and one classifier jar are enough. Entries are sorted and stamped with one
 * fixed time, so the same natives give byte-identical jars.
 */
public final class PlatformJars {

    /** The classifier of a platform's jar is this prefix and the platform. */
    public static final String CLASSIFIER_PREFIX = "natives-";

    /** Used when the build sets no {@code project.build.outputTimestamp}: the start of zip time. */
    static final Instant DEFAULT_TIMESTAMP = Instant.parse("1980-01-01T00:00:02Z");

    /** One written jar. */
    public record PlatformJar(String platform, String classifier, Path jar, String library) {
    }

    private PlatformJars() {
    }

    /**
     * Writes one jar per platform found in {@code outputDir} (this build's own and any merged in by
     * assemble), after the same checks as assemble: one crate, one ABI fingerprint.
     *
     * @param baseName the main jar's name without {@code .jar}; each jar adds {@code -<classifier>}
     * @param bound    what this module's bindings expect, if it generates any: a jar of a library
     *                 they would refuse is not written
     */
    public static List<PlatformJar> write(Path outputDir, Path jarDir, String baseName, Instant timestamp,
            Optional<BoundLibraries> bound) throws CargoException {
        List<NativeAssembler.PlatformBuild> builds = NativeAssembler.read(outputDir, NativeAssembler.THIS_BUILD);
        if (builds.isEmpty()) {
            throw CargoException.invalid("There is no native library in " + outputDir.resolve(NativeAssembler.NATIVE_ROOT)
                    + " to put into platform jars. Run ferrule:generate or ferrule:build (and ferrule:assemble to add"
                    + " other platforms) before ferrule:platform-jars.");
        }
        NativeAssembler.check(builds);
        if (bound.isPresent()) {
            bound.get().checkPacked(builds);
        }
        FileTime time = FileTime.from(timestamp);
        List<PlatformJar> jars = new ArrayList<>();
        try {
            Files.createDirectories(jarDir);
            for (NativeAssembler.PlatformBuild build : builds) {
                String classifier = CLASSIFIER_PREFIX + build.platform();
                Path jar = jarDir.resolve(baseName + "-" + classifier + ".jar");
                writeJar(outputDir, build.platform(), jar, time);
                jars.add(new PlatformJar(build.platform(), classifier, jar, build.library()));
            }
        } catch (IOException e) {
            throw CargoException.invalid("Could not write the platform jars into " + jarDir + ": " + e.getMessage());
        }
        return jars;
    }

    /** Written beside the jar under a temporary name, then renamed, so a kill leaves no half jar. */
    private static void writeJar(Path outputDir, String platform, Path jar, FileTime time) throws IOException {
        Path partial = jar.resolveSibling(jar.getFileName() + ".partial");
        try {
            writeJarTo(outputDir, platform, partial, time);
            Files.move(partial, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static void writeJarTo(Path outputDir, String platform, Path jar, FileTime time) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Created-By", "Ferrule");
        String folder = NativeAssembler.NATIVE_ROOT + "/" + platform + "/";
        Path source = outputDir.resolve(folder);
        List<String> directories = new ArrayList<>();
        for (int slash = folder.indexOf('/'); slash >= 0; slash = folder.indexOf('/', slash + 1)) {
            directories.add(folder.substring(0, slash + 1));
        }
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> files = Files.list(source)) {
            entry(out, directories.get(0), time);
            entry(out, JarFile.MANIFEST_NAME, time);
            manifest.write(out);
            for (String directory : directories.subList(1, directories.size())) {
                entry(out, directory, time);
            }
            for (Path library : files.filter(Files::isRegularFile).sorted().toList()) {
                entry(out, folder + library.getFileName(), time);
                Files.copy(library, out);
            }
        }
    }

    private static void entry(JarOutputStream out, String name, FileTime time) throws IOException {
        JarEntry entry = new JarEntry(name);
        entry.setLastModifiedTime(time);
        out.putNextEntry(entry);
    }

    /** Reads {@code project.build.outputTimestamp} as Maven does: seconds since the epoch, or ISO-8601. */
    public static Instant timestamp(String outputTimestamp) throws CargoException {
        if (outputTimestamp == null || outputTimestamp.isBlank() || outputTimestamp.length() < 2) {
            return DEFAULT_TIMESTAMP;
        }
        if (outputTimestamp.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochSecond(Long.parseLong(outputTimestamp));
        }
        try {
            return OffsetDateTime.parse(outputTimestamp).toInstant();
        } catch (DateTimeParseException e) {
            throw CargoException.invalid("project.build.outputTimestamp '" + outputTimestamp + "' is neither seconds"
                    + " since the epoch nor an ISO-8601 date-time such as 2026-11-27T10:00:00Z.");
        }
    }
}
