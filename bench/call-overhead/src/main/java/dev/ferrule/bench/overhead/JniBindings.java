package dev.ferrule.bench.overhead;

import dev.ferrule.bench.overhead.generated.CallOverheadNative;
import dev.ferrule.runtime.NativeLibrary;
import dev.ferrule.runtime.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongUnaryOperator;

/**
 * The library through hand-written JNI glue (src/main/c/call_overhead_jni.c, compiled by the
 * module's build into {@code jni/<platform>/}). Each method calls one export and throws
 * {@link NativeCallException} when it fails.
 */
final class JniBindings {

    static {
        load();
    }

    private JniBindings() {
    }

    static native void noop();

    static native long add(long left, long right);

    static native int checksum(byte[] data);

    static native String echo(String text);

    static native long counterNew(long initial);

    static native long counterAdd(long counter, long amount);

    static native void counterRelease(long counter);

    static native void alwaysFail();

    static native long applyCallback(long value, LongUnaryOperator callback);

    /**
     * The glue is linked against the Rust library and finds it through its RUNPATH, {@code $ORIGIN},
     * as a JNI library ships: both are copied from the jar into one private directory, then the
     * glue is loaded. This copy of the Rust library is the jni style's own; the other styles share
     * the one ferrule-runtime extracted.
     */
    private static void load() {
        Platform platform = Platform.current();
        String glue = platform.libraryFileName(CallOverheadNative.LIBRARY + "_jni");
        try {
            Path directory = Files.createTempDirectory("call-overhead-jni-");
            directory.toFile().deleteOnExit();
            copy(NativeLibrary.NATIVE_ROOT + "/" + platform.id() + "/"
                    + platform.libraryFileName(CallOverheadNative.LIBRARY), directory);
            System.load(copy("jni/" + platform.id() + "/" + glue, directory).toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the JNI glue and its library out of the jar", e);
        }
    }

    private static Path copy(String resource, Path directory) throws IOException {
        Path target = directory.resolve(resource.substring(resource.lastIndexOf('/') + 1));
        try (InputStream in = JniBindings.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path; build the module with"
                        + " Maven, which compiles the JNI glue (see bench/README.md).");
            }
            Files.copy(in, target);
        }
        target.toFile().deleteOnExit();
        return target;
    }
}
