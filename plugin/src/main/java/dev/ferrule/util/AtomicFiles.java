package dev.ferrule.util;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes files so that a reader (an IDE, a parallel build, git) never sees half of one: the bytes
 * go to a temporary file, which is then renamed over the target.
 *
 * <p>The temporary file lives in a directory of its own under Ferrule's state directory
 * ({@code target/ferrule/tmp/<pid>}), never beside the target: a kill between the write and the
 * rename must not leave a stray file in {@code target/classes}, where the jar would pack it, or
 * in {@code src/}, where it would be committed. What a killed run leaves there is removed by the
 * next build ({@link #sweep}). Only when the temporary directory is on another file system than
 * the target, so that no atomic rename between them exists, is the file made beside the target.
 */
public final class AtomicFiles {

    public static final String TEMP_PREFIX = ".ferrule-";
    public static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /** This process's temporary directory under a state directory. */
    public static Path tempDir(Path stateDir) {
        return stateDir.resolve("tmp").resolve(String.valueOf(ProcessHandle.current().pid()));
    }

    public static void write(Path target, byte[] bytes, Path stateDir) throws IOException {
        replace(target, stateDir, temp -> Files.write(temp, bytes));
    }

    /**
     * As {@link #write}, unless {@code target} already holds exactly {@code bytes}: an unchanged
     * file keeps its timestamp, so Maven's up-to-date checks (the jar plugin's) see nothing new.
     *
     * @return whether the file was written
     */
    public static boolean writeIfChanged(Path target, byte[] bytes, Path stateDir) throws IOException {
        if (Files.isRegularFile(target) && Files.size(target) == bytes.length
                && java.util.Arrays.equals(Files.readAllBytes(target), bytes)) {
            return false;
        }
        write(target, bytes, stateDir);
        return true;
    }

    /**
     * As {@link #copy}, unless {@code target} already holds the same bytes as {@code source}.
     *
     * @return whether the file was copied
     */
    public static boolean copyIfChanged(Path source, Path target, Path stateDir) throws IOException {
        if (Files.isRegularFile(target) && Files.mismatch(source, target) == -1) {
            return false;
        }
        copy(source, target, stateDir);
        return true;
    }

    public static void copy(Path source, Path target, Path stateDir) throws IOException {
        replace(target, stateDir, temp -> Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING));
    }

    private interface Filler {
        void fill(Path temp) throws IOException;
    }

    private static void replace(Path target, Path stateDir, Filler filler) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tempDir = tempDir(stateDir.toAbsolutePath());
        Files.createDirectories(tempDir);
        try {
            move(Files.createTempFile(tempDir, TEMP_PREFIX, TEMP_SUFFIX), target, filler);
        } catch (AtomicMoveNotSupportedException e) {
            move(Files.createTempFile(dir, TEMP_PREFIX, TEMP_SUFFIX), target, filler);
        }
    }

    private static void move(Path temp, Path target, Filler filler) throws IOException {
        try {
            filler.fill(temp);
            // Temporary files are created owner-only; the result should look like any written file.
            if (Files.getFileAttributeView(temp, PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Removes what killed runs left: the temporary directories of processes that no longer run
     * under {@code stateDir/tmp}, and stray temporary files (of older Ferrule versions, or made
     * beside a target on another file system) in the {@code strayRoots} trees. A directory of a
     * process that still runs, a second build at the same time, is left alone.
     *
     * @return the files removed
     */
    public static List<Path> sweep(Path stateDir, List<Path> strayRoots) throws IOException {
        List<Path> removed = new ArrayList<>();
        Path tempRoot = stateDir.resolve("tmp");
        if (Files.isDirectory(tempRoot)) {
            try (Stream<Path> processes = Files.list(tempRoot)) {
                for (Path process : processes.toList()) {
                    if (!running(process.getFileName().toString())) {
                        removed.addAll(deleteTree(process));
                    }
                }
            }
        }
        for (Path root : strayRoots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(AtomicFiles::isTemp).toList()) {
                    Files.deleteIfExists(file);
                    removed.add(file);
                }
            }
        }
        return removed;
    }

    private static boolean isTemp(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX) && Files.isRegularFile(file);
    }

    private static boolean running(String pid) {
        try {
            long id = Long.parseLong(pid);
            return id == ProcessHandle.current().pid() || ProcessHandle.of(id).map(ProcessHandle::isAlive)
                    .orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<Path> deleteTree(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isRegularFile(path)) {
                    files.add(path);
                }
                Files.deleteIfExists(path);
            }
        }
        return files;
    }
}
