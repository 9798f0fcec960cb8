package dev.ferrule.runtime;

import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Loads a native library that ferrule-maven-plugin packed into a jar under
 * {@code META-INF/native/<os>-<arch>/}.
 *
 * <p>Generated bindings load through {@link #load(Class, String, Expected)}: the SHA-256 of
 * every library they were generated with is compiled into them, so the library must be exactly
 * one of those, whatever {@code .sha256} file lies next to it. It is read from the jar or
 * directory of the bindings class first; when it is not there (a platform jar beside the
 * bindings jar), the copy on the class path with that SHA-256 is taken, and any other copy is
 * ignored and named. When the bindings class comes from a signed jar, the library must be signed
 * by the same signers. Every check, and the risky-feature policy, finishes before the library is
 * opened, since opening it runs its initialisers.
 *
 * <p>The library is then extracted into a private directory (see {@link LibraryExtractor}),
 * checked again on disk, and opened with {@link SymbolLookup#libraryLookup(Path, Arena)} in the
 * global arena, so it stays loaded for the life of the JVM. Each library loads once per JVM,
 * however many threads ask at the same time.
 *
 * <p>{@link #load(Class, String)}, for code without generated bindings, has nothing compiled in to
 * check against: it trusts the {@code .sha256} beside the library, read from the same jar or
 * directory, and refuses two different copies on the class path (a second jar shadowing the
 * first) instead of taking whichever comes first.
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
        return load(loaderOf(anchor), name, anchor, null);
    }

    /**
     * What generated bindings know of the libraries they were generated with.
     *
     * @param sha256ByPlatform  the SHA-256 of each library, by platform ({@code linux-x86_64})
     * @param features          the cargo features of those builds; a risky one must be allowed
     *                          before the library is opened
     */
    public record Expected(Map<String, String> sha256ByPlatform, List<String> features) {

        public Expected {
            sha256ByPlatform = Map.copyOf(sha256ByPlatform);
            features = List.copyOf(features);
        }
    }

    /**
     * Loads library {@code name} as the bindings {@code anchor} expect it: one of the libraries
     * they were generated with, by SHA-256, signed by the anchor's signers when it is signed.
     *
     * @throws UnsupportedPlatformException when the bindings have no library for this platform
     * @throws LibraryIntegrityException    when no copy of the library is the one the bindings expect,
     *                                      or its signature does not match the bindings'
     * @throws UnsafeFeatureException       when the library was built with a risky feature that the
     *                                      application has not allowed
     */
    public static NativeLibrary load(Class<?> anchor, String name, Expected expected) {
        return load(loaderOf(anchor), name, anchor, expected);
    }

    private static ClassLoader loaderOf(Class<?> anchor) {
        return anchor.getClassLoader() == null ? ClassLoader.getSystemClassLoader() : anchor.getClassLoader();
    }

    static NativeLibrary load(ClassLoader loader, String name) {
        return load(loader, name, null, null);
    }

    private static NativeLibrary load(ClassLoader loader, String name, Class<?> anchor, Expected expected) {
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
            NativeLibrary loaded = open(loader, name, anchor, expected);
            LOADED.put(name, loaded);
            return loaded;
        }
    }

    private static NativeLibrary open(ClassLoader loader, String name, Class<?> anchor, Expected expected) {
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
        LibrarySource source = expected != null ? anchored(loader, name, anchor, expected, platform, resource)
                : checksummed(loader, name, anchor, platform, resource);
        if (anchor != null) {
            checkSigners(anchor, source, resource);
        }
        if (expected != null) {
            LibraryIdentity.checkUnsafeFeatures(name, "Native library '" + name + "'", expected.features());
        }
        Path path = new LibraryExtractor(LibraryExtractor.defaultRoot()).extract(source.bytes(), source.sha256(),
                fileName);
        return new NativeLibrary(name, path, source.sha256(), lookup(path), loader);
    }

    /** The copy the bindings were generated with: their SHA-256 decides, no file beside the library. */
    private static LibrarySource anchored(ClassLoader loader, String name, Class<?> anchor, Expected expected,
            Platform platform, String resource) {
        String want = expected.sha256ByPlatform().get(platform.id());
        if (want == null) {
            throw new UnsupportedPlatformException(platform.id(), "No native library '" + name + "' for "
                    + platform.id() + ": " + anchor.getName() + (expected.sha256ByPlatform().isEmpty()
                            ? " was generated without any library" : " was generated with the libraries of "
                            + new TreeSet<>(expected.sha256ByPlatform().keySet()) + " only") + ", so it cannot"
                    + " check one for this platform. Generate the bindings with this platform's build among"
                    + " ferrule:generate's <natives>, or run on one of those platforms.");
        }
        Optional<LibrarySource> own = LibrarySource.inCodeSourceOf(anchor, resource);
        if (own.isPresent()) {
            if (!own.get().sha256().equals(want)) {
                throw new LibraryIntegrityException(resource + " in " + own.get().location() + " is not the library "
                        + anchor.getName() + " was generated with (SHA-256 " + own.get().sha256() + ", expected " + want
                        + "). The jar was changed after it was built; rebuild it or fetch it again. Nothing was"
                        + " loaded.");
            }
            return own.get();
        }
        List<LibrarySource> copies = LibrarySource.onClassPath(loader, resource);
        LibrarySource chosen = null;
        List<String> ignored = new ArrayList<>();
        for (LibrarySource copy : copies) {
            if (chosen == null && copy.sha256().equals(want)) {
                chosen = copy;
            } else if (!copy.sha256().equals(want)) {
                ignored.add(copy.location() + " (SHA-256 " + copy.sha256() + ")");
            }
        }
        if (chosen == null) {
            if (copies.isEmpty()) {
                throw new UnsupportedPlatformException(platform.id(), "No native library '" + name + "' for "
                        + platform.id() + ": " + resource + " is neither in " + location(anchor) + " nor elsewhere"
                        + " on the class path. " + available(loader, name) + " Add the jar with this platform's"
                        + " natives.");
            }
            throw new LibraryIntegrityException("No copy of " + resource + " on the class path is the library "
                    + anchor.getName() + " was generated with (SHA-256 " + want + "): " + String.join(", ", ignored)
                    + ". A jar was changed after it was built, or another jar shadows the right one. Nothing was"
                    + " loaded.");
        }
        if (!ignored.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "Ignored {0} on the class path: not the library {1} was"
                    + " generated with (SHA-256 {2}); loaded the one in {3}.", String.join(", ", ignored),
                    anchor.getName(), want, chosen.location());
        }
        return chosen;
    }

    /**
     * With nothing compiled in to check against: the library and its {@code .sha256} from one
     * jar or directory, the anchor's own first, and never one of two differing copies.
     */
    private static LibrarySource checksummed(ClassLoader loader, String name, Class<?> anchor, Platform platform,
            String resource) {
        Optional<LibrarySource> own = anchor == null ? Optional.empty()
                : LibrarySource.inCodeSourceOf(anchor, resource);
        LibrarySource source;
        if (own.isPresent()) {
            source = own.get();
        } else {
            List<LibrarySource> copies = LibrarySource.onClassPath(loader, resource);
            if (copies.isEmpty()) {
                throw new UnsupportedPlatformException(platform.id(), "No native library '" + name + "' for "
                        + platform.id() + ": " + resource + " is not on the class path. " + available(loader, name)
                        + " Build this platform's library, or add its Rust target triple to <targets> of"
                        + " ferrule-maven-plugin.");
            }
            if (copies.stream().map(LibrarySource::sha256).distinct().count() > 1) {
                throw new LibraryIntegrityException("The class path holds different copies of " + resource + ": "
                        + copies.stream().map(c -> c.location() + " (SHA-256 " + c.sha256() + ")")
                                .collect(Collectors.joining(", ")) + ". One of them shadows the other; remove"
                        + " it, or load through generated bindings, which know which one is theirs. Nothing was"
                        + " loaded.");
            }
            source = copies.get(0);
        }
        String fileName = resource.substring(resource.lastIndexOf('/') + 1);
        byte[] checksum = source.sibling(resource + ".sha256");
        if (checksum == null) {
            throw new LibraryIntegrityException(resource + ".sha256 is missing in " + source.location() + ", so "
                    + fileName + " cannot be verified. Repackage the jar with ferrule-maven-plugin. Nothing was"
                    + " loaded.");
        }
        String expected = new String(checksum, StandardCharsets.US_ASCII).strip().split("\\s+")[0];
        if (!SHA256.matcher(expected).matches()) {
            throw new LibraryIntegrityException(resource + ".sha256 does not hold a SHA-256 digest. Repackage"
                    + " the jar with ferrule-maven-plugin. Nothing was loaded.");
        }
        if (!source.sha256().equals(expected)) {
            throw new LibraryIntegrityException("Native library " + fileName + " in " + source.location()
                    + " does not match its recorded SHA-256 (expected " + expected + ", found " + source.sha256()
                    + "). The jar is corrupt or was tampered with; rebuild it or fetch it again. Nothing was loaded.");
        }
        return source;
    }

    /** A class from a signed jar vouches only for a library its signers signed too. */
    private static void checkSigners(Class<?> anchor, LibrarySource source, String resource) {
        Set<Certificate> signers = LibrarySource.signersOf(anchor);
        if (signers.isEmpty() || source.signers().equals(signers)) {
            return;
        }
        throw new LibraryIntegrityException(resource + " in " + source.location() + (source.signers().isEmpty()
                ? " is not signed" : " is signed by other signers") + ", but " + anchor.getName() + " comes from a"
                + " jar signed by " + describe(signers) + ". Sign the natives with the same key as the bindings"
                + " (maven-jarsigner-plugin), or ship them in the signed jar. Nothing was loaded.");
    }

    private static String describe(Set<Certificate> certificates) {
        return certificates.stream().map(c -> c instanceof X509Certificate x509
                ? x509.getSubjectX500Principal().getName() : c.getType()).sorted()
                .collect(Collectors.joining("; "));
    }

    private static String location(Class<?> anchor) {
        CodeSource source = anchor.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? "the bindings' jar" : source.getLocation().toString();
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
