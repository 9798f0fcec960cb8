package dev.ferrule.cargo;

import java.util.Locale;

/**
 * Maps a Rust target triple to the {@code <os>-<arch>} folder name that ferrule-runtime looks
 * up at run time, and to the file name the platform gives a dynamic library.
 */
public record Platform(String os, String arch, String libraryPrefix, String librarySuffix) {

    /** The folder under {@code META-INF/native/}, for example {@code linux-x86_64}. */
    public String id() {
        return os + "-" + arch;
    }

    public String libraryFileName(String libName) {
        return libraryPrefix + libName + librarySuffix;
    }

    public static Platform fromTriple(String triple) throws CargoException {
        String[] parts = triple.split("-");
        if (parts.length < 3) {
            throw CargoException.invalid("'" + triple + "' is not a Rust target triple (expected arch-vendor-os[-env],"
                    + " for example x86_64-unknown-linux-gnu). List valid ones with `rustc --print target-list`.");
        }
        String arch = normaliseArch(parts[0]);
        String lower = triple.toLowerCase(Locale.ROOT);
        if (lower.contains("-apple-darwin")) {
            return new Platform("macos", arch, "lib", ".dylib");
        }
        if (lower.contains("-windows")) {
            return new Platform("windows", arch, "", ".dll");
        }
        if (lower.contains("-linux")) {
            // musl and glibc builds are not interchangeable, so they get different folders.
            return new Platform(lower.endsWith("musl") ? "linux-musl" : "linux", arch, "lib", ".so");
        }
        if (lower.contains("-freebsd")) {
            return new Platform("freebsd", arch, "lib", ".so");
        }
        throw CargoException.invalid("Target '" + triple + "' has no cdylib packaging rule in Ferrule."
                + " Supported: Linux (gnu, musl), macOS, Windows and FreeBSD targets.");
    }

    private static String normaliseArch(String arch) {
        return switch (arch) {
            case "x86_64", "amd64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            case "i586", "i686" -> "x86";
            case "riscv64gc" -> "riscv64";
            default -> arch.startsWith("armv7") || arch.equals("arm") ? "arm" : arch;
        };
    }
}
