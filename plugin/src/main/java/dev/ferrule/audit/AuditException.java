package dev.ferrule.audit;

/** The audit could not run: unreadable configuration or sources, or clippy failed to compile the crate. */
public class AuditException extends Exception {

    private static final long serialVersionUID = 1L;

    public AuditException(String message) {
        super(message);
    }

    public AuditException(String message, Throwable cause) {
        super(message, cause);
    }
}
