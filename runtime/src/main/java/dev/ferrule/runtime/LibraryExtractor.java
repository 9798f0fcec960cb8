package dev.ferrule.runtime;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * Writes verified library bytes into a private directory and re-verifies what is on disk before
 * it is loaded.
 *
 * <p>Files are content-addressed ({@code <root>/<sha256>/<file>}), so JVMs that share the
 * directory share one copy, and a copy is never rewritten in place. The root must be a real
 * directory owned by the current user with mode 0700; anything else could let another user swap
 * the library between the check and the load.
 */
final class LibraryExtractor {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final Path root;

    LibraryExtractor(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** {@code ferrule.native.dir}, or {@code ferrule-<user>} in the temp directory. */
    static Path defaultRoot() {
        String configured = System.getProperty("ferrule.native.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "ferrule-" + user);
    }

    Path extract(byte[] bytes, String expectedSha256, String fileName) {
        String actual = sha256(bytes);
        if (!actual.equals(expectedSha256)) {
            throw new LibraryIntegrityException("Native library " + fileName + " in the jar does not match its"
                    + " recorded SHA-256 (expected " + expectedSha256 + ", found " + actual + "). The jar is corrupt"
                    + " or was tampered with; rebuild it or fetch it again. Nothing was loaded.");
        }
        Path dir = privateDirectory(root).resolve(expectedSha256);
        Path target = dir.resolve(fileName);
        try {
            createPrivate(dir);
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                Path temp = Files.createTempFile(dir, ".extract-", ".tmp");
                try {
                    Files.write(temp, bytes);
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException raced) {
                    // Another JVM extracted the same bytes first; its copy is verified below.
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
        } catch (IOException e) {
            throw new NativeLibraryException("Could not extract " + fileName + " to " + dir + ": " + e.getMessage()
                    + ". Point -Dferrule.native.dir at a writable private directory.", e);
        }
        verifyOnDisk(target, expectedSha256);
        return target;
    }

    static void verifyOnDisk(Path file, String expectedSha256) {
        try {
            if (Files.isSymbolicLink(file) || !Files.isRegularFile(file)) {
                throw new LibraryIntegrityException(file + " is not a regular file. Delete it and retry.");
            }
            String actual = sha256(Files.readAllBytes(file));
            if (!actual.equals(expectedSha256)) {
                throw new LibraryIntegrityException("Extracted library " + file + " was modified after extraction"
                        + " (expected SHA-256 " + expectedSha256 + ", found " + actual + "). Refusing to load it."
                        + " Delete " + file.getParent() + " and find out what changed it.");
            }
        } catch (IOException e) {
            throw new NativeLibraryException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Path privateDirectory(Path root) {
        try {
            createPrivate(root);
        } catch (IOException e) {
            throw new NativeLibraryException("Could not create the native library directory " + root + ": "
                    + e.getMessage() + ". Point -Dferrule.native.dir at a writable private directory.", e);
        }
        return root;
    }

    private static void createPrivate(Path dir) throws IOException {
        boolean posix = Files.getFileAttributeView(dir.getParent(), PosixFileAttributeView.class) != null;
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            try {
                FileAttribute<?>[] attrs = posix
                        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                        : new FileAttribute<?>[0];
                Files.createDirectory(dir, attrs);
            } catch (FileAlreadyExistsException raced) {
                // Created concurrently; checked below like any existing directory.
            }
        }
        if (posix) {
            checkPrivate(dir);
        }
    }

    private static void checkPrivate(Path dir) throws IOException {
        PosixFileAttributes attributes = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isDirectory()) {
            throw new NativeLibraryException(dir + " is not a directory (a symbolic link or a file is there)."
                    + " Remove it, or point -Dferrule.native.dir elsewhere.");
        }
        String me = System.getProperty("user.name");
        if (!attributes.owner().getName().equals(me)) {
            throw new NativeLibraryException(dir + " belongs to " + attributes.owner().getName() + ", not to " + me
                    + ". Another user could replace libraries there. Remove it, or point -Dferrule.native.dir"
                    + " at a directory you own.");
        }
        if (!attributes.permissions().equals(OWNER_ONLY)) {
            throw new NativeLibraryException(dir + " has permissions "
                    + PosixFilePermissions.toString(attributes.permissions()) + "; it must be rwx------ (0700)"
                    + " so that no other user can replace libraries there. Run: chmod 700 " + dir);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK lacks SHA-256", e);
        }
    }
}
