package dev.ferrule.runtime;

/**
 * A library's bytes do not match the SHA-256 recorded at build time: the jar is corrupt, or the
 * library or its extracted copy was tampered with. Nothing was loaded.
 */
public final class LibraryIntegrityException extends NativeLibraryException {

    private static final long serialVersionUID = 1L;

    public LibraryIntegrityException(String message) {
        super(message);
    }
}
