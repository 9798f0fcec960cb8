package it.platforms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrule.runtime.NativeLibrary;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Runs the probe in a fresh JVM, and makes the jars the tests run it with. */
final class Probes {

    static final Path MERGED = Path.of(System.getProperty("merged.jar"));
    static final Path PLATFORM_JARS = Path.of(System.getProperty("platform.jars"));
    /**
     * Named, not loaded: the probe comes from the signed jar, and a class of this unsigned package
     * loaded here from another signer would be refused.
     */
    private static final String PROBE = "it.platforms.Probe";
    private static final Pattern SHA256 = Pattern.compile("\"sha256\" : \"([0-9a-f]{64})\"");

    private Probes() {
    }

    record Run(int exit, String output) {
    }

    /**
     * Starts the probe with only {@code classpath} and the runtime, as os.name and os.arch, with
     * libraries extracted under {@code natives}.
     */
    static Run probe(List<Path> classpath, Path natives, String osName, String osArch, String libc)
            throws IOException, InterruptedException, URISyntaxException {
        List<Path> entries = new ArrayList<>(classpath);
        entries.add(Path.of(NativeLibrary.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "-Dferrule.platform.libc=" + libc,
                "-Dferrule.native.dir=" + natives,
                "-cp", String.join(File.pathSeparator, entries.stream().map(Path::toString).toList()),
                PROBE, osName, osArch).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }

    /** The SHA-256 that build-info.json in {@code jar} records for {@code platform}'s library. */
    static String recordedSha(Path jar, String platform) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            var entry = zip.getEntry("META-INF/native/" + platform + "/build-info.json");
            assertThat(entry).as("build-info.json of %s in %s", platform, jar).isNotNull();
            Matcher sha = SHA256.matcher(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
            assertThat(sha.find()).isTrue();
            return sha.group(1);
        }
    }

    /** The application's classes and the bindings without any library, as a jar beside platform jars holds them. */
    static Path bindingsOnly(Path work) throws IOException {
        Path classes = work.resolve("bindings-only");
        Path from = Path.of(System.getProperty("probe.classes"));
        try (var files = Files.walk(from)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                Path target = classes.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        return classes;
    }

    /** Whether an entry is part of a jar's signature, rather than signed content. */
    static boolean signatureFile(String name) {
        return name.matches("META-INF/[^/]+\\.(SF|EC|RSA|DSA)");
    }

    /**
     * Copies the entries of {@code from} that {@code keep} accepts into {@code to}, in their
     * order, with the bytes of {@code replaced} instead of their own, and adds {@code added}.
     */
    static Path rewrite(Path from, Path to, Predicate<String> keep, Map<String, byte[]> replaced)
            throws IOException {
        try (ZipFile zip = new ZipFile(from.toFile()); OutputStream out = Files.newOutputStream(to);
                ZipOutputStream copy = new ZipOutputStream(out)) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (!keep.test(entry.getName())) {
                    continue;
                }
                copy.putNextEntry(new ZipEntry(entry.getName()));
                byte[] bytes = replaced.get(entry.getName());
                copy.write(bytes != null ? bytes : zip.getInputStream(entry).readAllBytes());
                copy.closeEntry();
            }
        }
        return to;
    }

    /** One entry's bytes. */
    static byte[] read(Path jar, String name) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(name);
            assertThat(entry).as("%s in %s", name, jar).isNotNull();
            return zip.getInputStream(entry).readAllBytes();
        }
    }

    /** The library files extracted under {@code natives}: none when the loader refused before opening one. */
    static List<Path> extracted(Path natives) throws IOException {
        try (var files = Files.walk(natives)) {
            return files.filter(f -> f.getFileName().toString().startsWith("libmeter.so")).toList();
        }
    }
}
