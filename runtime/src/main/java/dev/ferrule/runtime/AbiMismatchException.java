package dev.ferrule.runtime;

/**
 * The loaded library is not the one the bindings were generated from: a different ABI
 * fingerprint or a different feature set. Calling it could read and write memory with the wrong
 * layout, so nothing is called.
 */
public final class AbiMismatchException extends NativeLibraryException {

    private static final long serialVersionUID = 1L;

    public AbiMismatchException(String message) {
        super(message);
    }
}
