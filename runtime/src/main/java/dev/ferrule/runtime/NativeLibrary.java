package dev.ferrule.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Loads a native library that ferrule-maven-plugin packed into a jar under
 * {@code META-INF/native/<os>-<arch>/}.
 *
 * <p>The library is checked against the SHA-256 recorded at build time, extracted into a private
 * directory (see {@link LibraryExtractor}), checked again on disk, and opened with
 * {@link SymbolLookup#libraryLookup(Path, Arena)} in the global arena, so it stays loaded for the
 * life of the JVM. Each library loads once per JVM, however many threads ask at the same time.
 *
 * <p>For development, {@code -Dferrule.library.<name>.path=/path/to/libname.so} loads a local
 * build instead, without the checksum check.
 */
public final class NativeLibrary {

    /** The folder in the jar that holds one sub-folder per platform. */
    public static final String NATIVE_ROOT = "META-INF/native";

    private static final System.Logger LOG = System.getLogger(NativeLibrary.class.getName());
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final List<String> KNOWN_PLATFORMS = List.of("linux-x86_64", "linux-aarch64",
            "linux-musl-x86_64", "linux-musl-aarch64", "macos-x86_64", "macos-aarch64", "windows-x86_64",
            "windows-aarch64", "freebsd-x86_64");

    private static final Object LOCK = new Object();
    private static final Map<String, NativeLibrary> LOADED = new HashMap<>();
    private static final AtomicInteger OPENED = new AtomicInteger();

    private final String name;
    private final Path path;
    private final String sha256;
    private final SymbolLookup lookup;
    private final WeakReference<ClassLoader> owner;

    private NativeLibrary(String name, Path path, String sha256, SymbolLookup lookup, ClassLoader owner) {
        this.name = name;
        this.path = path;
        this.sha256 = sha256;
        this.lookup = lookup;
        this.owner = new WeakReference<>(owner);
    }

    /**
     * Loads library {@code name} (for example {@code hello} for {@code libhello.so}) from the jar
     * that holds {@code anchor}, or returns the already loaded one.
     *
     * @throws UnsupportedPlatformException when the jar has no build for this platform
     * @throws LibraryIntegrityException    when the library does not match its recorded SHA-256
     * @throws LibraryConflictException     when another class loader already loaded it
     * @throws NativeLibraryException       for any other reason it cannot be loaded
     */
    public static NativeLibrary load(Class<?> anchor, String name) {
        return load(anchor.getClassLoader() == null ? ClassLoader.getSystemClassLoader() : anchor.getClassLoader(),
                name);
    }

    static NativeLibrary load(ClassLoader loader, String name) {
        if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("Invalid library name '" + name + "'; use the crate's lib name,"
                    + " for example 'hello' for libhello.so.");
        }
        synchronized (LOCK) {
            NativeLibrary existing = LOADED.get(name);
            if (existing != null) {
                ClassLoader previous = existing.owner.get();
                if (previous == loader) {
                    return existing;
                }
                if (previous != null) {
                    throw new LibraryConflictException("Native library '" + name + "' is already loaded by class"
                            + " loader " + previous + " and is now requested by " + loader + ". A second copy"
                            + " would not share the first one's handles and state. Load the bindings from one"
                            + " class loader, for example by putting the jar on a common parent class loader.");
                }
            }
            NativeLibrary loaded = open(loader, name);
            LOADED.put(name, loaded);
            return loaded;
        }
    }

    private static NativeLibrary open(ClassLoader loader, String name) {
        String override = System.getProperty("ferrule.library." + name + ".path");
        if (override != null && !override.isBlank()) {
            Path path = Path.of(override).toAbsolutePath();
            if (!Files.isRegularFile(path)) {
                throw new NativeLibraryException("-Dferrule.library." + name + ".path points at " + path
                        + ", which is not a file. Build the crate, or remove the property to use the jar's copy.");
            }
            LOG.log(System.Logger.Level.WARNING, "Loading development build of ''{0}'' from {1} without a"
                    + " checksum check (ferrule.library.{0}.path is set).", name, path);
            return new NativeLibrary(name, path, null, lookup(path), loader);
        }
        Platform platform = Platform.current();
        String fileName = platform.libraryFileName(name);
        String resource = NATIVE_ROOT + "/" + platform.id() + "/" + fileName;
        byte[] bytes = read(loader, resource);
        if (bytes == null) {
            throw new UnsupportedPlatformException(platform.id(), "No native library '" + name + "' for "
                    + platform.id() + ": " + resource + " is not on the class path. " + available(loader, name)
                    + " Build this platform's library, or add its Rust target triple to <targets> of"
                    + " ferrule-maven-plugin.");
        }
        byte[] checksum = read(loader, resource + ".sha256");
        if (checksum == null) {
            throw new LibraryIntegrityException(resource + ".sha256 is missing, so " + fileName + " cannot be"
                    + " verified. Repackage the jar with ferrule-maven-plugin. Nothing was loaded.");
        }
        String expected = new String(checksum, StandardCharsets.US_ASCII).strip().split("\\s+")[0];
        if (!SHA256.matcher(expected).matches()) {
            throw new LibraryIntegrityException(resource + ".sha256 does not hold a SHA-256 digest. Repackage"
                    + " the jar with ferrule-maven-plugin. Nothing was loaded.");
        }
        Path path = new LibraryExtractor(LibraryExtractor.defaultRoot()).extract(bytes, expected, fileName);
        return new NativeLibrary(name, path, expected, lookup(path), loader);
    }

    // Opening a library is restricted by design; the jar's Enable-Native-Access grants it.
    @SuppressWarnings("restricted")
    private static SymbolLookup lookup(Path path) {
        try {
            SymbolLookup lookup = SymbolLookup.libraryLookup(path, Arena.global());
            OPENED.incrementAndGet();
            return lookup;
        } catch (IllegalArgumentException e) {
            throw new NativeLibraryException("The system could not load " + path + ": " + e.getMessage()
                    + ". Check that it was built for this platform and that its dependencies are installed.", e);
        }
    }

    private static byte[] read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new NativeLibraryException("Could not read " + resource + ": " + e.getMessage(), e);
        }
    }

    private static String available(ClassLoader loader, String name) {
        List<String> found = KNOWN_PLATFORMS.stream()
                .filter(id -> loader.getResource(NATIVE_ROOT + "/" + id + "/" + platformFor(id).libraryFileName(name))
                        != null)
                .toList();
        return found.isEmpty() ? "The class path has no build of it for any platform."
                : "Builds on the class path: " + String.join(", ", found) + ".";
    }

    private static Platform platformFor(String id) {
        int dash = id.lastIndexOf('-');
        return new Platform(id.substring(0, dash), id.substring(dash + 1));
    }

    /** The library's symbols, for {@code Linker.downcallHandle}. */
    public SymbolLookup lookup() {
        return lookup;
    }

    public String name() {
        return name;
    }

    /** Where the loaded file is on disk. */
    public Path path() {
        return path;
    }

    /** The verified SHA-256 of the loaded file, or {@code null} for a development override. */
    public String sha256() {
        return sha256;
    }

    /** How many times any library was opened in this JVM; lets tests prove that loads happen once. */
    static int openCount() {
        return OPENED.get();
    }
}
