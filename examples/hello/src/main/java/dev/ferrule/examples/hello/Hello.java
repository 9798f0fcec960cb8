package dev.ferrule.examples.hello;

import dev.ferrule.runtime.NativeLibrary;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Hand-written FFM bindings for the example crate in {@code src/main/rust}. The library comes
 * out of this jar through {@link NativeLibrary}, which checks its SHA-256 before loading it.
 */
public final class Hello {

    private static final NativeLibrary LIBRARY = NativeLibrary.load(Hello.class, "hello");
    private static final MethodHandle ADD = downcall("hello_add",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle COUNT_VOWELS = downcall("hello_count_vowels",
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));

    private Hello() {
    }

    /** Adds in Rust; wraps on overflow like Java's {@code +}. */
    public static int add(int a, int b) {
        try {
            return (int) ADD.invokeExact(a, b);
        } catch (Throwable t) {
            throw new IllegalStateException("hello_add failed", t);
        }
    }

    /** Counts the ASCII vowels of {@code text} in Rust; the UTF-8 copy lives only for the call. */
    public static long countVowels(String text) {
        Objects.requireNonNull(text, "text");
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment bytes = arena.allocate(Math.max(1, utf8.length));
            MemorySegment.copy(utf8, 0, bytes, ValueLayout.JAVA_BYTE, 0, utf8.length);
            return (long) COUNT_VOWELS.invokeExact(bytes, (long) utf8.length);
        } catch (Throwable t) {
            throw new IllegalStateException("hello_count_vowels failed", t);
        }
    }

    /** The loaded library, to look up symbols that depend on cargo features. */
    public static NativeLibrary library() {
        return LIBRARY;
    }

    // Downcalls are restricted by design; the jar's Enable-Native-Access manifest entry grants it.
    @SuppressWarnings("restricted")
    private static MethodHandle downcall(String symbol, FunctionDescriptor descriptor) {
        MemorySegment address = LIBRARY.lookup().find(symbol).orElseThrow(() -> new IllegalStateException(
                "libhello does not export " + symbol + "; rebuild it with `mvn package`"));
        return Linker.nativeLinker().downcallHandle(address, descriptor);
    }
}
