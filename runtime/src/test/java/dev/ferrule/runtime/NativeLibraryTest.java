package dev.ferrule.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("restricted")
class NativeLibraryTest {

    private static final AtomicInteger UNIQUE = new AtomicInteger();

    @TempDir
    Path classpath;

    @RegisterExtension
    final ExtractionRoot extraction = new ExtractionRoot();

    /** Each test loads under its own name, because the JVM-wide registry outlives a test. */
    private static String uniqueName() {
        return "fixture" + UNIQUE.incrementAndGet();
    }

    @Test
    void loadsVerifiedLibraryAndCallsIntoIt() throws Throwable {
        String name = uniqueName();
        try (URLClassLoader loader = FixtureLibrary.packaged(classpath, name)) {
            NativeLibrary library = NativeLibrary.load(loader, name);

            MethodHandle add = Linker.nativeLinker().downcallHandle(library.lookup().find("fixture_add").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
            assertThat((int) add.invokeExact(40, 2)).isEqualTo(42);
            assertThat(library.sha256()).isEqualTo(LibraryExtractor.sha256(Files.readAllBytes(FixtureLibrary.build())));
            assertThat(library.path()).startsWith(extraction.path());
        }
    }

    @Test
    void extractionDirectoryIsPrivateToTheUser() throws Exception {
        String name = uniqueName();
        try (URLClassLoader loader = FixtureLibrary.packaged(classpath, name)) {
            NativeLibrary library = NativeLibrary.load(loader, name);

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(extraction.path())))
                    .isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(library.path().getParent())))
                    .isEqualTo("rwx------");
        }
    }

    @Test
    void tamperedLibraryIsRefused() throws Exception {
        String name = uniqueName();
        try (URLClassLoader loader = FixtureLibrary.packaged(classpath, name)) {
            Path library = FixtureLibrary.libraryIn(classpath, name);
            byte[] bytes = Files.readAllBytes(library);
            bytes[bytes.length / 2] ^= 0x5A;
            Files.write(library, bytes);

            assertThatThrownBy(() -> NativeLibrary.load(loader, name))
                    .isInstanceOf(LibraryIntegrityException.class)
                    .hasMessageContaining("does not match its recorded SHA-256")
                    .hasMessageContaining("Nothing was loaded");
            assertThat(extraction.path()).doesNotExist();
        }
    }

    @Test
    void libraryWithoutChecksumIsRefused() throws Exception {
        String name = uniqueName();
        try (URLClassLoader loader = FixtureLibrary.packaged(classpath, name)) {
            Path library = FixtureLibrary.libraryIn(classpath, name);
            Files.delete(library.resolveSibling(library.getFileName() + ".sha256"));

            assertThatThrownBy(() -> NativeLibrary.load(loader, name))
                    .isInstanceOf(LibraryIntegrityException.class)
                    .hasMessageContaining(".sha256 is missing");
        }
    }

    @Test
    void extractedCopyModifiedOnDiskIsRefused() throws Exception {
        byte[] bytes = Files.readAllBytes(FixtureLibrary.build());
        String sha = LibraryExtractor.sha256(bytes);
        LibraryExtractor extractor = new LibraryExtractor(extraction.path());
        Path extracted = extractor.extract(bytes, sha, "libtampered.so");
        byte[] changed = bytes.clone();
        changed[changed.length - 1] ^= 1;
        Files.write(extracted, changed);

        assertThatThrownBy(() -> extractor.extract(bytes, sha, "libtampered.so"))
                .isInstanceOf(LibraryIntegrityException.class)
                .hasMessageContaining("was modified after extraction");
    }

    @Test
    void sharedOrOpenExtractionDirectoryIsRefused() throws Exception {
        Path open = extraction.path().resolveSibling("open");
        Files.createDirectory(open);
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        byte[] bytes = Files.readAllBytes(FixtureLibrary.build());

        assertThatThrownBy(() -> new LibraryExtractor(open).extract(bytes, LibraryExtractor.sha256(bytes), "libx.so"))
                .isInstanceOf(NativeLibraryException.class)
                .hasMessageContaining("must be rwx------")
                .hasMessageContaining("chmod 700");
    }

    @Test
    void missingPlatformNamesThePlatformAndTheFix() throws Exception {
        String name = uniqueName();
        try (URLClassLoader loader = FixtureLibrary.classLoaderOver(classpath)) {
            assertThatThrownBy(() -> NativeLibrary.load(loader, name))
                    .isInstanceOfSatisfying(UnsupportedPlatformException.class,
                            e -> assertThat(e.platform()).isEqualTo(Platform.current().id()))
                    .hasMessageContaining("No native library '" + name + "' for " + Platform.current().id())
                    .hasMessageContaining("<targets>");
        }
    }

    @Test
    void secondLoadUnderAnotherClassLoaderIsRefused() throws Exception {
        String name = uniqueName();
        try (URLClassLoader first = FixtureLibrary.packaged(classpath, name);
                URLClassLoader second = FixtureLibrary.classLoaderOver(classpath)) {
            NativeLibrary loaded = NativeLibrary.load(first, name);

            assertThat(NativeLibrary.load(first, name)).isSameAs(loaded);
            assertThatThrownBy(() -> NativeLibrary.load(second, name))
                    .isInstanceOf(LibraryConflictException.class)
                    .hasMessageContaining("already loaded by class loader");
        }
    }

    @Test
    void concurrentFirstLoadsOpenTheLibraryOnce() throws Exception {
        String name = uniqueName();
        int threads = 32;
        try (URLClassLoader loader = FixtureLibrary.packaged(classpath, name)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                CountDownLatch ready = new CountDownLatch(threads);
                CountDownLatch go = new CountDownLatch(1);
                int opensBefore = NativeLibrary.openCount();
                List<Future<NativeLibrary>> results = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    Callable<NativeLibrary> task = () -> {
                        ready.countDown();
                        go.await();
                        return NativeLibrary.load(loader, name);
                    };
                    results.add(pool.submit(task));
                }
                ready.await();
                go.countDown();
                Set<NativeLibrary> distinct = new HashSet<>();
                for (Future<NativeLibrary> result : results) {
                    distinct.add(result.get());
                }

                assertThat(distinct).hasSize(1);
                assertThat(NativeLibrary.openCount() - opensBefore).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void developmentOverrideLoadsTheGivenFile() throws Throwable {
        String name = uniqueName();
        System.setProperty("ferrule.library." + name + ".path", FixtureLibrary.build().toString());
        try (URLClassLoader empty = FixtureLibrary.classLoaderOver(classpath)) {
            NativeLibrary library = NativeLibrary.load(empty, name);

            assertThat(library.path()).isEqualTo(FixtureLibrary.build().toAbsolutePath());
            assertThat(library.sha256()).isNull();
            assertThat(library.lookup().find("fixture_add")).isPresent();
        } finally {
            System.clearProperty("ferrule.library." + name + ".path");
        }
    }

    @Test
    void platformNamesMatchThePluginsFolders() {
        assertThat(Platform.of("Linux", "amd64").id()).isEqualTo("linux-x86_64");
        assertThat(Platform.of("Mac OS X", "aarch64").id()).isEqualTo("macos-aarch64");
        assertThat(Platform.of("Windows 11", "amd64").libraryFileName("hello")).isEqualTo("hello.dll");
        assertThat(Platform.of("Linux", "aarch64").libraryFileName("hello")).isEqualTo("libhello.so");
    }
}
