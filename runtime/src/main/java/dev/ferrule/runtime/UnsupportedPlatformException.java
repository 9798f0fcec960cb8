package dev.ferrule.runtime;

/** The jar carries no build of the library for the platform the JVM runs on. */
public final class UnsupportedPlatformException extends NativeLibraryException {

    private static final long serialVersionUID = 1L;

    private final String platform;

    public UnsupportedPlatformException(String platform, String message) {
        super(message);
        this.platform = platform;
    }

    /** The platform that was looked for, for example {@code linux-aarch64}. */
    public String platform() {
        return platform;
    }
}
