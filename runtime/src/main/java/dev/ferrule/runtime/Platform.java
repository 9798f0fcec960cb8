package dev.ferrule.runtime;

import java.util.Locale;

/**
 * The {@code <os>-<arch>} name of the running platform, spelled as ferrule-maven-plugin spells
 * the folders under {@code META-INF/native/}.
 */
public record Platform(String os, String arch) {

    public String id() {
        return os + "-" + arch;
    }

    /**
     * The running JVM's platform, read from {@code os.name} and {@code os.arch} at each call; on
     * Linux, the C library ({@link Libc}) tells {@code linux} from {@code linux-musl}.
     */
    public static Platform current() {
        Platform platform = of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
        // musl and glibc builds are not interchangeable, so ferrule:build packs them apart.
        return platform.os().equals("linux") && Libc.isMusl() ? new Platform("linux-musl", platform.arch()) : platform;
    }

    static Platform of(String osName, String osArch) {
        String name = osName.toLowerCase(Locale.ROOT);
        String os;
        if (name.startsWith("linux")) {
            os = "linux";
        } else if (name.startsWith("mac") || name.startsWith("darwin")) {
            os = "macos";
        } else if (name.startsWith("windows")) {
            os = "windows";
        } else if (name.startsWith("freebsd")) {
            os = "freebsd";
        } else {
            os = name.replaceAll("[^a-z0-9]+", "");
        }
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            case "x86", "i386", "i486", "i586", "i686" -> "x86";
            case "arm", "armv7", "armv7l" -> "arm";
            case "riscv64" -> "riscv64";
            default -> osArch.toLowerCase(Locale.ROOT);
        };
        return new Platform(os, arch);
    }

    /** The file name this platform gives a library, for example {@code libhello.so}. */
    public String libraryFileName(String name) {
        return switch (os) {
            case "windows" -> name + ".dll";
            case "macos" -> "lib" + name + ".dylib";
            default -> "lib" + name + ".so";
        };
    }
}
