package dev.ferrule.diff;

/** The check could not run as configured; the message says what to fix. */
public final class CheckException extends Exception {

    private static final long serialVersionUID = 1L;

    public CheckException(String message) {
        super(message);
    }

    public CheckException(String message, Throwable cause) {
        super(message, cause);
    }
}
