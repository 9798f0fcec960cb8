package dev.ferrule.abi;

/** The ABI could not be extracted or read; the message names the item, the file and the fix. */
public final class AbiException extends Exception {

    private static final long serialVersionUID = 1L;

    public AbiException(String message) {
        super(message);
    }

    public AbiException(String message, Throwable cause) {
        super(message, cause);
    }
}
