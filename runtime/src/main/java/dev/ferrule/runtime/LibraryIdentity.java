package dev.ferrule.runtime;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a ferrule-ffi library says it was built from, and the load-time check of generated
 * bindings against it.
 *
 * <p>Generated bindings call {@link #verify} once, before their first downcall. It refuses a
 * library whose ABI fingerprint or feature set differs from the one the bindings were generated
 * from, and a library built with a risky ({@code unsafe-*}) feature that the application has not
 * allowed. Allowing one logs a warning every time such a library is verified, so it never goes
 * unnoticed.
 */
public final class LibraryIdentity {

    /** Comma-separated risky features the application allows, for example {@code unsafe-raw-handles}. */
    public static final String ALLOW_PROPERTY = "ferrule.allowUnsafeFeatures";

    /** The value a library reports when it was built outside Ferrule (a plain {@code cargo build}). */
    public static final String UNSET = "unset";

    private static final System.Logger LOG = System.getLogger(LibraryIdentity.class.getName());

    private static final Set<String> ALLOWED_BY_API = ConcurrentHashMap.newKeySet();
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    /** ferrule-ffi's {@code FfiBuffer}: a pointer and a length, both 64-bit here. */
    private static final StructLayout FFI_BUFFER = MemoryLayout.structLayout(ValueLayout.ADDRESS.withName("ptr"),
            ValueLayout.JAVA_LONG.withName("len"));

    private LibraryIdentity() {
    }

    /**
     * A library's build identity, as its {@code <prefix>_build_info} export reports it.
     *
     * @param features       the crate's enabled cargo features, sorted, including {@code default}
     * @param abiFingerprint {@code sha256:...}, or {@link #UNSET} when built outside Ferrule
     */
    public record BuildInfo(String crate, String version, List<String> features, String profile,
            String abiFingerprint) {

        public BuildInfo {
            features = features.stream().map(LibraryIdentity::normalise).sorted().distinct().toList();
        }

        /** The enabled features whose name marks them as risky. */
        public List<String> unsafeFeatures() {
            return features.stream().filter(f -> f.startsWith("unsafe-")).toList();
        }
    }

    /**
     * Allows a risky feature for this JVM, the programmatic twin of {@value #ALLOW_PROPERTY}.
     * Call it before the bindings' first use.
     */
    public static void allowUnsafeFeature(String feature) {
        if (feature == null || !normalise(feature).startsWith("unsafe-")) {
            throw new IllegalArgumentException("'" + feature + "' is not a risky feature: their names start with unsafe-");
        }
        ALLOWED_BY_API.add(normalise(feature));
    }

    /** Calls the library's {@code <prefix>_build_info} export and releases its buffer. */
    @SuppressWarnings("restricted")
    public static BuildInfo read(SymbolLookup symbols, String prefix) {
        Linker linker = Linker.nativeLinker();
        MethodHandle buildInfo = linker.downcallHandle(find(symbols, prefix + "_build_info"),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
        MethodHandle bufferFree = linker.downcallHandle(find(symbols, prefix + "_buffer_free"),
                FunctionDescriptor.ofVoid(FFI_BUFFER));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(FFI_BUFFER);
            int status = (int) buildInfo.invokeExact(out);
            if (status != 0) {
                throw new NativeLibraryException(prefix + "_build_info failed with status " + status
                        + "; the library cannot say what it was built from.");
            }
            MemorySegment pointer = out.get(ValueLayout.ADDRESS, 0);
            long length = out.get(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS.byteSize());
            try {
                byte[] json = length == 0 ? new byte[0] : pointer.reinterpret(length).toArray(ValueLayout.JAVA_BYTE);
                return parse(new String(json, StandardCharsets.UTF_8));
            } finally {
                bufferFree.invokeExact(out);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new NativeLibraryException("Could not read the build info of the library: " + t, t);
        }
    }

    /**
     * Refuses a library that does not match its bindings, or that carries a risky feature the
     * application has not allowed.
     *
     * @param library            the library's name, for messages
     * @param bindings           the generated class, for messages
     * @param expectedFingerprint the fingerprint of the ABI the bindings were generated from
     * @param expectedFeatures   the features the library was built with when the bindings were generated
     * @return what the library reported
     */
    public static BuildInfo verify(SymbolLookup symbols, String prefix, String library, String bindings,
            String expectedFingerprint, List<String> expectedFeatures) {
        BuildInfo info = read(symbols, prefix);
        check(info, library, bindings, expectedFingerprint, expectedFeatures);
        return info;
    }

    /** {@link #verify}'s decision, apart from the downcall. */
    static void check(BuildInfo info, String library, String bindings, String expectedFingerprint,
            List<String> expectedFeatures) {
        String what = "Native library '" + library + "' (" + info.crate() + " " + info.version() + ", "
                + info.profile() + " build)";
        if (info.abiFingerprint().equals(UNSET)) {
            throw new AbiMismatchException(what + " reports no ABI fingerprint, so it was not built by"
                    + " ferrule-maven-plugin, but " + bindings + " was generated for " + expectedFingerprint
                    + ". Fix: build the library with ferrule:build (which stamps the fingerprint), or ship the"
                    + " library the bindings were generated from.");
        }
        if (!info.abiFingerprint().equals(expectedFingerprint)) {
            throw new AbiMismatchException(what + " has ABI fingerprint " + info.abiFingerprint() + ", but "
                    + bindings + " was generated for " + expectedFingerprint + ". The bindings and the library"
                    + " come from different versions of the crate. Fix: regenerate the bindings from the library"
                    + " you ship (mvn generate-sources), or ship the library they were generated from.");
        }
        List<String> expected = expectedFeatures.stream().map(LibraryIdentity::normalise).sorted().distinct()
                .toList();
        if (!info.features().equals(expected)) {
            throw new AbiMismatchException(what + " was built with features " + info.features() + ", but "
                    + bindings + " was generated from a build with features " + expected + ". Fix: build the"
                    + " library with the same <features> as ferrule:generate, or regenerate the bindings.");
        }
        checkUnsafeFeatures(library, what, info.features());
    }

    /**
     * Refuses risky ({@code unsafe-*}) features the application has not allowed, and warns about
     * allowed ones. The loader calls it with the features the bindings were generated from before
     * it opens the library, since the library's SHA-256 pins it to that build.
     */
    static void checkUnsafeFeatures(String library, String what, List<String> features) {
        List<String> risky = features.stream().map(LibraryIdentity::normalise).filter(f -> f.startsWith("unsafe-"))
                .distinct().sorted().toList();
        if (risky.isEmpty()) {
            return;
        }
        Set<String> allowed = allowed();
        List<String> refused = risky.stream().filter(f -> !allowed.contains(f)).toList();
        if (!refused.isEmpty()) {
            throw new UnsafeFeatureException(what + " was built with the risky feature(s) " + refused
                    + ", which this application has not allowed. They trade safety checks for speed. Allow them"
                    + " on purpose with -D" + ALLOW_PROPERTY + "=" + String.join(",", refused)
                    + " or LibraryIdentity.allowUnsafeFeature(\"" + refused.get(0) + "\"), or use a build"
                    + " without them.");
        }
        // The loader checks before opening and the identity check after, so each says it once.
        if (WARNED.add(library + risky)) {
            LOG.log(System.Logger.Level.WARNING, "{0} runs with the risky feature(s) {1}, allowed by {2}"
                    + " or LibraryIdentity.allowUnsafeFeature.", what, risky, ALLOW_PROPERTY);
        }
    }

    private static Set<String> allowed() {
        Set<String> allowed = new TreeSet<>(ALLOWED_BY_API);
        Arrays.stream(System.getProperty(ALLOW_PROPERTY, "").split(",")).map(LibraryIdentity::normalise)
                .filter(f -> !f.isEmpty()).forEach(allowed::add);
        return allowed;
    }

    // Cargo exposes features to build scripts with '-' folded into '_', so both spellings are one feature.
    private static String normalise(String feature) {
        return feature.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static MemorySegment find(SymbolLookup symbols, String symbol) {
        return symbols.find(symbol).orElseThrow(() -> new NativeLibraryException("The library does not export "
                + symbol + "; it was not built with ferrule-ffi's export_runtime!."));
    }

    /**
     * Parses the build-info JSON: one object of strings and string arrays, as ferrule-ffi writes
     * it. The runtime has no dependencies, so that it never clashes with an application's own
     * JSON library; this is the only JSON it reads.
     */
    static BuildInfo parse(String json) {
        Map<String, Object> fields = new BuildInfoParser(json).object();
        return new BuildInfo(string(fields, "crate"), string(fields, "version"), strings(fields, "features"),
                string(fields, "profile"), string(fields, "abiFingerprint"));
    }

    private static String string(Map<String, Object> fields, String key) {
        if (fields.get(key) instanceof String value) {
            return value;
        }
        throw new NativeLibraryException("The library's build info has no string '" + key + "': " + fields);
    }

    private static List<String> strings(Map<String, Object> fields, String key) {
        if (fields.get(key) instanceof List<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        throw new NativeLibraryException("The library's build info has no list '" + key + "': " + fields);
    }

    private static final class BuildInfoParser {
        private final String text;
        private int at;

        BuildInfoParser(String text) {
            this.text = text;
        }

        Map<String, Object> object() {
            Map<String, Object> fields = new LinkedHashMap<>();
            expect('{');
            if (peek() == '}') {
                at++;
                return end(fields);
            }
            do {
                String key = string();
                expect(':');
                fields.put(key, peek() == '[' ? array() : string());
            } while (next(',', '}'));
            return end(fields);
        }

        private Map<String, Object> end(Map<String, Object> fields) {
            skipSpace();
            if (at != text.length()) {
                throw malformed("text after the object");
            }
            return fields;
        }

        private List<String> array() {
            List<String> values = new ArrayList<>();
            expect('[');
            if (peek() == ']') {
                at++;
                return values;
            }
            do {
                values.add(string());
            } while (next(',', ']'));
            return values;
        }

        private String string() {
            expect('"');
            StringBuilder value = new StringBuilder();
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return value.toString();
                }
                if (c != '\\') {
                    value.append(c);
                    continue;
                }
                if (at >= text.length()) {
                    break;
                }
                char escaped = text.charAt(at++);
                switch (escaped) {
                    case '"', '\\', '/' -> value.append(escaped);
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    case 'r' -> value.append('\r');
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'u' -> {
                        if (at + 4 > text.length()) {
                            throw malformed("a cut \\u escape");
                        }
                        try {
                            value.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        } catch (NumberFormatException e) {
                            throw malformed("a bad \\u escape");
                        }
                        at += 4;
                    }
                    default -> throw malformed("the escape \\" + escaped);
                }
            }
            throw malformed("an unterminated string");
        }

        /** Consumes a separator (true) or the closing character (false). */
        private boolean next(char separator, char close) {
            char c = peek();
            at++;
            if (c == separator) {
                return true;
            }
            if (c == close) {
                return false;
            }
            throw malformed("'" + c + "' where '" + separator + "' or '" + close + "' belongs");
        }

        private void expect(char wanted) {
            if (peek() != wanted) {
                throw malformed("no '" + wanted + "'");
            }
            at++;
        }

        private char peek() {
            skipSpace();
            if (at >= text.length()) {
                throw malformed("an early end");
            }
            return text.charAt(at);
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private NativeLibraryException malformed(String problem) {
            return new NativeLibraryException("The library's build info is not the JSON ferrule-ffi writes ("
                    + problem + " at offset " + at + "): " + text);
        }
    }
}
