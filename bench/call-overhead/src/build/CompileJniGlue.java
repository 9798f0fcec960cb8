import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Compiles the JNI glue of bench/call-overhead with gcc ({@code $CC} if set) against the JNI
 * headers of the JDK that runs this file, and links it against the Rust library that Ferrule
 * packaged for this host. Run by the module's build (exec-maven-plugin, with the toolchain's
 * {@code java}), so the headers come from the JDK that the build selected, wherever it lives.
 *
 * <pre>
 * java CompileJniGlue.java &lt;glue.c&gt; &lt;javac -h directory&gt; &lt;classes directory&gt; &lt;library&gt;
 * </pre>
 *
 * <p>Writes {@code <classes>/jni/<platform>/lib<library>_jni.so}, where {@code <platform>} is the
 * folder under {@code META-INF/native} holding {@code lib<library>.so}. The glue's RUNPATH is
 * {@code $ORIGIN}: the loader puts it next to a copy of the Rust library.
 */
public final class CompileJniGlue {

    private CompileJniGlue() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 4) {
            System.err.println("usage: java CompileJniGlue.java <glue.c> <javac -h directory> <classes directory>"
                    + " <library name>");
            System.exit(2);
        }
        Path source = Path.of(args[0]);
        Path headers = Path.of(args[1]);
        Path classes = Path.of(args[2]);
        String library = args[3];
        Path jdkInclude = Path.of(System.getProperty("java.home"), "include");
        Path rustLibrary = packagedLibrary(classes, "lib" + library + ".so");
        Path output = classes.resolve("jni").resolve(rustLibrary.getParent().getFileName())
                .resolve("lib" + library + "_jni.so");
        Files.createDirectories(output.getParent());
        List<String> command = List.of(System.getenv().getOrDefault("CC", "gcc"),
                "-shared", "-fPIC", "-O2", "-std=c11",
                // JNI fixes every native method's parameters, used or not.
                "-Wall", "-Wextra", "-Werror", "-Wno-unused-parameter",
                "-I" + jdkInclude, "-I" + platformInclude(jdkInclude), "-I" + headers,
                source.toString(),
                "-L" + rustLibrary.getParent(), "-l" + library,
                "-Wl,-rpath,$ORIGIN", "-Wl,--no-undefined",
                "-o", output.toString());
        System.out.println(String.join(" ", command));
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0) {
            System.err.println("Compiling the JNI glue failed (exit code " + exit + "); see the compiler's output"
                    + " above. It needs a C compiler (apt-get install gcc libc6-dev) and a JDK with include/jni.h.");
            System.exit(exit);
        }
    }

    /** The folder with {@code jni_md.h}: {@code include/linux} on Linux. */
    private static Path platformInclude(Path jdkInclude) throws IOException {
        if (!Files.isRegularFile(jdkInclude.resolve("jni.h"))) {
            throw new IllegalStateException(jdkInclude + " has no jni.h: the build's JDK (" + System.getProperty(
                    "java.home") + ") is a runtime without headers. Install a full JDK 22+.");
        }
        try (Stream<Path> files = Files.walk(jdkInclude, 2)) {
            return files.filter(f -> f.getFileName().toString().equals("jni_md.h")).map(Path::getParent)
                    .findFirst().orElseThrow(() -> new IllegalStateException(jdkInclude + " has no jni_md.h"));
        }
    }

    /** The host's library, as ferrule:generate packaged it; there is one when no other targets are set. */
    private static Path packagedLibrary(Path classes, String fileName) throws IOException {
        Path nativeRoot = classes.resolve("META-INF/native");
        List<Path> found;
        try (Stream<Path> platforms = Files.isDirectory(nativeRoot) ? Files.list(nativeRoot) : Stream.empty()) {
            found = platforms.map(platform -> platform.resolve(fileName)).filter(Files::isRegularFile).toList();
        }
        if (found.size() != 1) {
            throw new IllegalStateException("Expected one " + fileName + " under " + nativeRoot + " (built by"
                    + " ferrule:generate for this host), found " + found + ".");
        }
        return found.get(0);
    }
}
