package dev.ferrule.cargo;

/**
 * A build problem that the user can act on. The message is written for the console: what
 * happened, where, and what to do next.
 */
public final class CargoException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Whether the user's input was wrong, or the build itself failed. */
    public enum Kind {
        /** Configuration or environment is wrong; nothing was built or written. */
        INVALID_INPUT,
        /** cargo ran and failed, for example on a compile error. */
        BUILD_FAILED,
        /** The build was refused by a policy, such as the unsafe-feature policy. */
        POLICY_VIOLATION
    }

    private final Kind kind;

    public CargoException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public CargoException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public static CargoException invalid(String message) {
        return new CargoException(Kind.INVALID_INPUT, message);
    }

    public Kind kind() {
        return kind;
    }
}
