package dev.ferrule.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferrule.runtime.anchor.BindingsAnchor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader against a hostile or unlucky class path: a library re-hashed in its jar, a second
 * jar that shadows the first, a signed jar whose library was replaced, and an unsigned library
 * beside signed bindings. The bindings class is copied next to the library, so its CodeSource is
 * the jar or directory under test.
 */
class AnchoredLoadTest {

    private static final AtomicInteger UNIQUE = new AtomicInteger();
    private static final String ANCHOR = BindingsAnchor.class.getName();

    @TempDir
    Path work;

    @RegisterExtension
    final ExtractionRoot extraction = new ExtractionRoot();

    private static String uniqueName() {
        return "anchored" + UNIQUE.incrementAndGet();
    }

    /** A class-path directory with the bindings class, and the library unless {@code library} is null. */
    private Path bindings(String dir, String name, byte[] library) throws Exception {
        Path root = work.resolve(dir);
        Path anchorClass = root.resolve(ANCHOR.replace('.', '/') + ".class");
        Files.createDirectories(anchorClass.getParent());
        try (InputStream in = BindingsAnchor.class.getResourceAsStream("BindingsAnchor.class")) {
            Files.write(anchorClass, in.readAllBytes());
        }
        if (library != null) {
            natives(root, name, library);
        }
        return root;
    }

    /** The library and a matching .sha256, as ferrule:build packs them. */
    private static Path natives(Path root, String name, byte[] library) throws IOException {
        Path file = FixtureLibrary.libraryIn(root, name);
        Files.createDirectories(file.getParent());
        Files.write(file, library);
        Files.writeString(file.resolveSibling(file.getFileName() + ".sha256"),
                LibraryExtractor.sha256(library) + "  " + file.getFileName() + "\n", StandardCharsets.US_ASCII);
        return file;
    }

    private static byte[] library() throws Exception {
        return Files.readAllBytes(FixtureLibrary.build());
    }

    /** The same library with bytes appended: still loadable, but not the one that was built. */
    private static byte[] tampered() throws Exception {
        byte[] original = library();
        byte[] changed = java.util.Arrays.copyOf(original, original.length + 16);
        changed[original.length] = 'X';
        return changed;
    }

    private static NativeLibrary.Expected expecting(byte[] library, List<String> features) {
        return new NativeLibrary.Expected(Map.of(Platform.current().id(), LibraryExtractor.sha256(library)), features);
    }

    private static Class<?> anchorIn(Path... roots) throws Exception {
        URL[] urls = new URL[roots.length];
        for (int i = 0; i < roots.length; i++) {
            urls[i] = roots[i].toUri().toURL();
        }
        return Class.forName(ANCHOR, false, new URLClassLoader(urls, ClassLoader.getPlatformClassLoader()));
    }

    @Test
    void theLibraryTheBindingsWereGeneratedWithLoads() throws Exception {
        String name = uniqueName();
        Class<?> anchor = anchorIn(bindings("app", name, library()));

        NativeLibrary loaded = NativeLibrary.load(anchor, name, expecting(library(), List.of("default")));

        assertThat(loaded.sha256()).isEqualTo(LibraryExtractor.sha256(library()));
        assertThat(loaded.lookup().find("fixture_add")).isPresent();
    }

    @Test
    void aLibraryReHashedInItsJarIsRefused() throws Exception {
        String name = uniqueName();
        // The attacker replaces the library and writes its new SHA-256 into the .sha256 beside it.
        Class<?> anchor = anchorIn(bindings("app", name, tampered()));
        int opened = NativeLibrary.openCount();

        assertThatThrownBy(() -> NativeLibrary.load(anchor, name, expecting(library(), List.of())))
                .isInstanceOf(LibraryIntegrityException.class)
                .hasMessageContaining("is not the library " + ANCHOR + " was generated with");
        assertThat(NativeLibrary.openCount()).isEqualTo(opened);
    }

    @Test
    void aShadowJarEarlierOnTheClassPathIsPassedOver() throws Exception {
        String name = uniqueName();
        Path shadow = work.resolve("shadow");
        natives(shadow, name, tampered());
        Path platformJar = work.resolve("platform");
        natives(platformJar, name, library());
        Class<?> anchor = anchorIn(shadow, bindings("app", name, null), platformJar);

        NativeLibrary loaded = NativeLibrary.load(anchor, name, expecting(library(), List.of()));

        assertThat(loaded.sha256()).isEqualTo(LibraryExtractor.sha256(library()));
    }

    @Test
    void onlyAShadowCopyOnTheClassPathIsRefused() throws Exception {
        String name = uniqueName();
        Path shadow = work.resolve("shadow");
        natives(shadow, name, tampered());
        Class<?> anchor = anchorIn(shadow, bindings("app", name, null));

        assertThatThrownBy(() -> NativeLibrary.load(anchor, name, expecting(library(), List.of())))
                .isInstanceOf(LibraryIntegrityException.class)
                .hasMessageContaining("No copy of")
                .hasMessageContaining(shadow.toString());
    }

    @Test
    void withoutBindingsTwoDifferentCopiesAreRefusedInsteadOfTakingTheFirst() throws Exception {
        String name = uniqueName();
        Path shadow = work.resolve("shadow");
        natives(shadow, name, tampered());
        Path real = work.resolve("real");
        natives(real, name, library());
        Class<?> anchor = anchorIn(shadow, bindings("app", name, null), real);

        assertThatThrownBy(() -> NativeLibrary.load(anchor, name)).isInstanceOf(LibraryIntegrityException.class)
                .hasMessageContaining("different copies").hasMessageContaining("shadows");
    }

    @Test
    void aPlatformTheBindingsDoNotKnowIsUnsupported() throws Exception {
        String name = uniqueName();
        Class<?> anchor = anchorIn(bindings("app", name, library()));

        assertThatThrownBy(() -> NativeLibrary.load(anchor, name, new NativeLibrary.Expected(
                Map.of("windows-aarch64", LibraryExtractor.sha256(library())), List.of())))
                .isInstanceOf(UnsupportedPlatformException.class)
                .hasMessageContaining("was generated with the libraries of [windows-aarch64] only");
    }

    @Test
    void aRiskyFeatureIsRefusedBeforeTheLibraryIsOpened() throws Exception {
        String name = uniqueName();
        Class<?> anchor = anchorIn(bindings("app", name, library()));
        int opened = NativeLibrary.openCount();

        assertThatThrownBy(() -> NativeLibrary.load(anchor, name, expecting(library(),
                List.of("default", "unsafe-raw-handles")))).isInstanceOf(UnsafeFeatureException.class);
        assertThat(NativeLibrary.openCount()).isEqualTo(opened);
    }

    // ---- signed jars ----------------------------------------------------------------------------

    private Path keystore() throws Exception {
        Path keystore = work.resolve("signing.p12");
        if (!Files.exists(keystore)) {
            run(tool("keytool"), "-genkeypair", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                    "-storepass", "changeit", "-keypass", "changeit", "-alias", "ferrule", "-keyalg", "EC",
                    "-dname", "CN=Ferrule Test", "-validity", "2");
        }
        return keystore;
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("%s: %s", String.join(" ", command), output).isZero();
    }

    /** A jar of a directory's files. */
    private static Path jar(Path dir, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                var files = Files.walk(dir)) {
            for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(dir.relativize(path).toString().replace('\\', '/')));
                Files.copy(path, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private Path signed(Path jar) throws Exception {
        run(tool("jarsigner"), "-keystore", keystore().toString(), "-storepass", "changeit", jar.toString(), "ferrule");
        return jar;
    }

    /** The signed jar with one entry's bytes replaced and everything else, signatures too, kept. */
    private static Path replaced(Path signed, String entryName, byte[] bytes, Path into) throws IOException {
        try (JarFile in = new JarFile(signed.toFile(), false); OutputStream file = Files.newOutputStream(into);
                JarOutputStream out = new JarOutputStream(file)) {
            for (Enumeration<JarEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                out.putNextEntry(new JarEntry(entry.getName()));
                if (entry.getName().equals(entryName)) {
                    out.write(bytes);
                } else {
                    try (InputStream data = in.getInputStream(entry)) {
                        data.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
        return into;
    }

    private static String entryOf(String name) {
        Platform platform = Platform.current();
        return NativeLibrary.NATIVE_ROOT + "/" + platform.id() + "/" + platform.libraryFileName(name);
    }

    @Test
    void aSignedJarLoadsItsOwnSignedLibrary() throws Exception {
        String name = uniqueName();
        Path jar = signed(jar(bindings("signed-dir", name, library()), work.resolve("signed.jar")));
        Class<?> anchor = anchorIn(jar);

        assertThat(LibrarySource.signersOf(anchor)).isNotEmpty();
        assertThat(NativeLibrary.load(anchor, name, expecting(library(), List.of())).sha256())
                .isEqualTo(LibraryExtractor.sha256(library()));
    }

    @Test
    void aSignedJarWhoseLibraryWasReplacedIsRefused() throws Exception {
        String name = uniqueName();
        Path jar = signed(jar(bindings("signed-dir", name, library()), work.resolve("signed.jar")));
        // The replacement comes with a matching .sha256, so only the signature can tell.
        byte[] other = tampered();
        Path withOther = replaced(jar, entryOf(name), other, work.resolve("replaced-1.jar"));
        Path rehashed = replaced(withOther, entryOf(name) + ".sha256", (LibraryExtractor.sha256(other) + "  x\n")
                .getBytes(StandardCharsets.US_ASCII), work.resolve("replaced.jar"));
        Class<?> anchor = anchorIn(rehashed);

        assertThatThrownBy(() -> NativeLibrary.load(anchor, name)).isInstanceOf(LibraryIntegrityException.class)
                .hasMessageContaining("does not match the jar's signature");
    }

    @Test
    void anUnsignedLibraryBesideSignedBindingsIsRefused() throws Exception {
        String name = uniqueName();
        Path jar = signed(jar(bindings("signed-dir", name, null), work.resolve("signed.jar")));
        Path unsigned = work.resolve("unsigned-natives");
        natives(unsigned, name, library());
        Class<?> anchor = anchorIn(jar, unsigned);

        assertThatThrownBy(() -> NativeLibrary.load(anchor, name, expecting(library(), List.of())))
                .isInstanceOf(LibraryIntegrityException.class)
                .hasMessageContaining("is not signed")
                .hasMessageContaining("CN=Ferrule Test");
    }

}
