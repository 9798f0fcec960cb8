package dev.ferrule.runtime;

/**
 * The library is already loaded by another class loader. A second copy would have its own global
 * state (handle registries, leak counters), and objects from one copy would be invalid in the
 * other, so the second load is refused.
 */
public final class LibraryConflictException extends NativeLibraryException {

    private static final long serialVersionUID = 1L;

    public LibraryConflictException(String message) {
        super(message);
    }
}
