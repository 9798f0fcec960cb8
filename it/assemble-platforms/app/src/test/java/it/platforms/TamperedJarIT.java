package it.platforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jars of the release as an attacker, or an unlucky class path, would change them. The
 * bindings pin the library by the SHA-256 they were generated with, read it from their own jar
 * first, and demand their signers' signature on it: each change is refused, before the library is
 * opened (nothing is extracted), and each unchanged counterpart loads.
 */
class TamperedJarIT {

    private static final String LIBRARY = "META-INF/native/linux-x86_64/libmeter.so";
    private static final Path LINUX_JAR = Probes.PLATFORM_JARS.resolve("app-1.0.0-SNAPSHOT-natives-linux-x86_64.jar");

    @TempDir
    Path work;

    @TempDir
    Path natives;

    private Probes.Run onLinux(Path... classpath) throws Exception {
        return Probes.probe(List.of(classpath), natives, "Linux", "amd64", "gnu");
    }

    /** The library with bytes appended: still loadable here, and not the one the bindings know. */
    private static byte[] changedLibrary() throws Exception {
        byte[] library = Probes.read(Probes.MERGED, LIBRARY);
        byte[] changed = new byte[library.length + 8];
        System.arraycopy(library, 0, changed, 0, library.length);
        System.arraycopy("TAMPERED".getBytes(StandardCharsets.US_ASCII), 0, changed, library.length, 8);
        return changed;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** The changed library with its .sha256 and build-info.json rewritten to match, as an attacker would. */
    private static Map<String, byte[]> rehashed() throws Exception {
        byte[] changed = changedLibrary();
        String sha = sha256(changed);
        String info = new String(Probes.read(Probes.MERGED, "META-INF/native/linux-x86_64/build-info.json"),
                StandardCharsets.UTF_8).replace(Probes.recordedSha(Probes.MERGED, "linux-x86_64"), sha);
        return Map.of(LIBRARY, changed, LIBRARY + ".sha256", (sha + "  libmeter.so\n").getBytes(StandardCharsets.UTF_8),
                "META-INF/native/linux-x86_64/build-info.json", info.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theReleaseJarsAreSignedLibrariesIncluded() throws Exception {
        for (Path jar : List.of(Probes.MERGED, LINUX_JAR)) {
            try (JarFile file = new JarFile(jar.toFile(), true)) {
                JarEntry library = file.getJarEntry(LIBRARY);
                file.getInputStream(library).readAllBytes();
                assertThat(library.getCodeSigners()).as("signers of %s in %s", LIBRARY, jar).isNotEmpty();
            }
        }
        Probes.Run signed = onLinux(Probes.MERGED);
        assertThat(signed.exit()).as(signed.output()).isZero();
        assertThat(signed.output()).contains("meter_scale(21)=42 status 0");
    }

    @Test
    void aLibraryReHashedInItsJarIsRefusedBeforeItIsOpened() throws Exception {
        Path unsigned = Probes.rewrite(Probes.MERGED, work.resolve("unsigned.jar"), n -> !Probes.signatureFile(n),
                Map.of());
        Probes.Run intact = Probes.probe(List.of(unsigned), work.resolve("intact"), "Linux", "amd64", "gnu");
        assertThat(intact.exit()).as(intact.output()).isZero();

        Path tampered = Probes.rewrite(Probes.MERGED, work.resolve("rehashed.jar"), n -> !Probes.signatureFile(n),
                rehashed());
        Probes.Run run = onLinux(tampered);

        assertThat(run.exit()).isNotZero();
        assertThat(run.output()).contains("LibraryIntegrityException",
                LIBRARY + " in " + tampered + " is not the library it.meter.MeterNative was generated with",
                "Nothing was loaded");
        assertThat(Probes.extracted(natives)).isEmpty();
    }

    @Test
    void aShadowJarEarlierOnTheClassPathIsNotLoaded() throws Exception {
        Path shadow = Probes.rewrite(Probes.MERGED, work.resolve("shadow.jar"),
                n -> n.startsWith(LIBRARY) && !Probes.signatureFile(n), rehashed());
        String expected = Probes.recordedSha(Probes.MERGED, "linux-x86_64");

        Probes.Run merged = onLinux(shadow, Probes.MERGED);
        assertThat(merged.exit()).as(merged.output()).isZero();
        assertThat(merged.output()).contains("sha256=" + expected + "\n");

        Path bindings = Probes.bindingsOnly(work);
        Probes.Run platformJar = onLinux(bindings, shadow, LINUX_JAR);
        assertThat(platformJar.exit()).as(platformJar.output()).isZero();
        assertThat(platformJar.output()).contains("sha256=" + expected + "\n", "Ignored " + shadow);

        Probes.Run shadowOnly = onLinux(bindings, shadow);
        assertThat(shadowOnly.exit()).isNotZero();
        assertThat(shadowOnly.output()).contains("LibraryIntegrityException", "No copy of " + LIBRARY
                + " on the class path is the library it.meter.MeterNative was generated with");
    }

    @Test
    void aSignedJarWhoseLibraryWasReplacedIsRefused() throws Exception {
        Path replaced = Probes.rewrite(Probes.MERGED, work.resolve("replaced.jar"), n -> true,
                Map.of(LIBRARY, changedLibrary()));

        Probes.Run run = onLinux(replaced);

        assertThat(run.exit()).isNotZero();
        assertThat(run.output()).contains("LibraryIntegrityException", "does not match the jar's signature");
        assertThat(Probes.extracted(natives)).isEmpty();
    }

    @Test
    void anUnsignedLibraryBesideSignedBindingsIsRefused() throws Exception {
        Path signedBindings = Probes.rewrite(Probes.MERGED, work.resolve("bindings.jar"),
                n -> !n.startsWith("META-INF/native/"), Map.of());
        Path unsignedNatives = Probes.rewrite(LINUX_JAR, work.resolve("natives-unsigned.jar"),
                n -> !Probes.signatureFile(n), Map.of());

        Probes.Run signedPair = onLinux(signedBindings, LINUX_JAR);
        assertThat(signedPair.exit()).as(signedPair.output()).isZero();
        assertThat(signedPair.output()).contains("meter_scale(21)=42 status 0");

        Probes.Run run = onLinux(signedBindings, unsignedNatives);
        assertThat(run.exit()).isNotZero();
        assertThat(run.output()).contains("LibraryIntegrityException", LIBRARY + " in " + unsignedNatives
                + " is not signed", "comes from a jar signed by CN=Ferrule IT release");
    }
}
