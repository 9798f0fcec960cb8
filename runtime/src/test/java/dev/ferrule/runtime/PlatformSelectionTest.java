package dev.ferrule.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader picks the folder of the platform it runs on, glibc and musl apart. Only linux-x86_64
 * glibc exists here, so other platforms are simulated: os.name, os.arch and the libc override are
 * set for the test, and the host's library is packed under the simulated platform's folder and
 * file name (dlopen does not care about the extension).
 */
class PlatformSelectionTest {

    private static final AtomicInteger UNIQUE = new AtomicInteger();
    private static final String[] PROPERTIES = {"os.name", "os.arch", Libc.OVERRIDE_PROPERTY, "ferrule.native.dir"};

    @TempDir
    Path classpath;
    @TempDir
    Path extractionRoot;
    private final Map<String, String> saved = new java.util.HashMap<>();

    @BeforeEach
    void save() {
        for (String property : PROPERTIES) {
            saved.put(property, System.getProperty(property));
        }
        System.setProperty("ferrule.native.dir", extractionRoot.toString());
    }

    @AfterEach
    void restore() {
        saved.forEach((property, value) -> {
            if (value == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, value);
            }
        });
    }

    @Test
    void theJvmHereRunsOnGlibc() {
        System.clearProperty(Libc.OVERRIDE_PROPERTY);
        assertThat(Libc.interpreterOf(Path.of("/proc/self/exe"))).hasValueSatisfying(
                interpreter -> assertThat(interpreter).contains("ld-linux"));
        assertThat(Libc.isMusl()).isFalse();
        assertThat(Platform.current().os()).isEqualTo("linux");
    }

    @Test
    void readsTheInterpreterOf64And32BitElfFiles() {
        assertThat(Libc.interpreterOf(elf(true, ByteOrder.LITTLE_ENDIAN, "/lib/ld-musl-x86_64.so.1")))
                .contains("/lib/ld-musl-x86_64.so.1");
        assertThat(Libc.interpreterOf(elf(false, ByteOrder.BIG_ENDIAN, "/lib/ld-musl-armhf.so.1")))
                .contains("/lib/ld-musl-armhf.so.1");
        assertThat(Libc.isMuslInterpreter("/lib64/ld-linux-x86-64.so.2")).isFalse();
        assertThat(Libc.interpreterOf("#!/bin/sh\n".repeat(10).getBytes(StandardCharsets.US_ASCII))).isEmpty();
        byte[] truncated = elf(true, ByteOrder.LITTLE_ENDIAN, "/lib/ld-musl-x86_64.so.1");
        assertThat(Libc.interpreterOf(java.util.Arrays.copyOf(truncated, 70))).isEmpty();
    }

    @Test
    void muslJvmsLoadTheMuslBuild() throws Throwable {
        String name = "platform" + UNIQUE.incrementAndGet();
        pack("linux-musl-x86_64", "lib" + name + ".so", name);
        System.setProperty("os.name", "Linux");
        System.setProperty("os.arch", "amd64");

        System.setProperty(Libc.OVERRIDE_PROPERTY, "gnu");
        try (URLClassLoader loader = FixtureLibrary.classLoaderOver(classpath)) {
            assertThatThrownBy(() -> NativeLibrary.load(loader, name))
                    .isInstanceOf(UnsupportedPlatformException.class)
                    .hasMessageContaining("for linux-x86_64").hasMessageContaining("linux-musl-x86_64");
        }
        System.setProperty(Libc.OVERRIDE_PROPERTY, "musl");
        try (URLClassLoader loader = FixtureLibrary.classLoaderOver(classpath)) {
            assertThat(add(NativeLibrary.load(loader, name))).isEqualTo(5);
        }
    }

    @Test
    void aMergedJarServesEachPlatformItsOwnFolder() throws Throwable {
        String name = "platform" + UNIQUE.incrementAndGet();
        pack("macos-aarch64", "lib" + name + ".dylib", name);
        pack("windows-x86_64", name + ".dll", name);
        System.setProperty("os.name", "Mac OS X");
        System.setProperty("os.arch", "aarch64");
        try (URLClassLoader loader = FixtureLibrary.classLoaderOver(classpath)) {
            NativeLibrary library = NativeLibrary.load(loader, name);
            assertThat(library.path().getFileName().toString()).isEqualTo("lib" + name + ".dylib");
            assertThat(add(library)).isEqualTo(5);
        }
        System.setProperty("os.name", "Linux");
        System.setProperty("os.arch", "aarch64");
        System.setProperty(Libc.OVERRIDE_PROPERTY, "gnu");
        try (URLClassLoader loader = FixtureLibrary.classLoaderOver(classpath)) {
            assertThatThrownBy(() -> NativeLibrary.load(loader, "platform-missing" + UNIQUE.incrementAndGet()))
                    .isInstanceOf(UnsupportedPlatformException.class);
        }
    }

    private void pack(String platform, String fileName, String name) throws Exception {
        Path dir = classpath.resolve(NativeLibrary.NATIVE_ROOT).resolve(platform);
        Files.createDirectories(dir);
        byte[] bytes = Files.readAllBytes(FixtureLibrary.build());
        Files.write(dir.resolve(fileName), bytes);
        Files.writeString(dir.resolve(fileName + ".sha256"), LibraryExtractor.sha256(bytes) + "  " + fileName + "\n",
                StandardCharsets.US_ASCII);
    }

    @SuppressWarnings("restricted")
    private static int add(NativeLibrary library) throws Throwable {
        MethodHandle add = Linker.nativeLinker().downcallHandle(library.lookup().find("fixture_add").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        return (int) add.invokeExact(2, 3);
    }

    /** A minimal ELF header with one PT_INTERP program header naming {@code interpreter}. */
    private static byte[] elf(boolean is64, ByteOrder order, String interpreter) {
        int ehsize = is64 ? 64 : 52;
        int phentsize = is64 ? 56 : 32;
        byte[] text = (interpreter + "\0").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer buffer = ByteBuffer.allocate(ehsize + phentsize + text.length).order(order);
        buffer.put(new byte[] {0x7f, 'E', 'L', 'F', (byte) (is64 ? 2 : 1), (byte) (order == ByteOrder.BIG_ENDIAN ? 2 : 1), 1});
        int interpOffset = ehsize + phentsize;
        if (is64) {
            buffer.putLong(0x20, ehsize).putShort(0x36, (short) phentsize).putShort(0x38, (short) 1);
            buffer.putInt(ehsize, 3).putLong(ehsize + 0x08, interpOffset).putLong(ehsize + 0x20, text.length);
        } else {
            buffer.putInt(0x1C, ehsize).putShort(0x2A, (short) phentsize).putShort(0x2C, (short) 1);
            buffer.putInt(ehsize, 3).putInt(ehsize + 0x04, interpOffset).putInt(ehsize + 0x10, text.length);
        }
        buffer.position(interpOffset);
        buffer.put(text);
        return buffer.array();
    }
}
