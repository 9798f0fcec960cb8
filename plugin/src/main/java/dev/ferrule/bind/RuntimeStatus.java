package dev.ferrule.bind;

/**
 * ferrule-ffi's runtime errors: the negative status codes every guarded export may return, as
 * {@code RuntimeError} in ferrule-ffi's {@code status.rs} defines them. The codes are part of the
 * boundary contract and never change; {@code RuntimeStatusTest} reads {@code status.rs} and fails
 * when a code, a name or a meaning here differs from it.
 */
public enum RuntimeStatus {
    PANIC(-1, "The export panicked; the panic was caught at the boundary."),
    NULL_ARGUMENT(-2, "A pointer argument that must not be null was null."),
    INVALID_HANDLE(-3, "The handle was never issued, or is malformed."),
    STALE_HANDLE(-4, "The handle was issued but has since been released."),
    WRONG_HANDLE_TYPE(-5, "The handle belongs to another type."),
    INVALID_UTF8(-6, "A string argument was not valid UTF-8."),
    BUFFER_TOO_SMALL(-7, "The caller's buffer is too small for the result."),
    CLOSED(-8, "The object was closed."),
    UNSUPPORTED_FEATURE(-9, "The library was built without the feature this call needs."),
    INVALID_ARGUMENT(-10, "An argument is out of range (for example a length that overflows).");

    private final int code;
    private final String meaning;

    RuntimeStatus(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    /** The Rust doc of the variant: what the status means. */
    public String meaning() {
        return meaning;
    }

    /** The generated exception subclass: {@code NULL_ARGUMENT} is {@code NullArgumentException}. */
    public String exceptionName() {
        StringBuilder out = new StringBuilder();
        for (String word : name().split("_")) {
            out.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return out.append("Exception").toString();
    }

    /** Whether the status says a handle was refused: never issued, released, or of another type. */
    public boolean refusesHandle() {
        return this == INVALID_HANDLE || this == STALE_HANDLE || this == WRONG_HANDLE_TYPE;
    }
}
