package dev.ferrule.runtime;

import java.lang.foreign.MemorySegment;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * How a C ABI that Ferrule did not write reports failure, as its {@code [package.metadata.ferrule.errors]}
 * declares it: a status code, a negative result, or a null result, with the message from the
 * library's last-error function or its message-of-a-code function. Generated bindings make one
 * per library and check each call's result through it, so each convention is written once.
 *
 * <pre>{@code
 * static final ForeignErrors ERRORS = new ForeignErrors(TinykvNative::tinykv_last_error_message, null,
 *         TinykvException::of);
 * ...
 * ERRORS.checkStatus(TinykvNative.tinykv_store_remove(store$, key$), 0, "tinykv_store_remove");
 * }</pre>
 */
public final class ForeignErrors {

    private final Supplier<MemorySegment> lastErrorMessage;
    private final IntFunction<MemorySegment> codeMessage;
    private final RuntimeExports.Failure failure;

    /**
     * @param lastErrorMessage  the library's {@code () -> *const c_char} for the thread's last
     *                          error, a string it keeps; null when it has none
     * @param codeMessage       the library's {@code (code) -> *const c_char} for a code's
     *                          message, a string it keeps; null when it has none
     * @param failure           the library's exception for a code: a subclass per known code
     */
    public ForeignErrors(Supplier<MemorySegment> lastErrorMessage, IntFunction<MemorySegment> codeMessage,
            RuntimeExports.Failure failure) {
        this.lastErrorMessage = lastErrorMessage;
        this.codeMessage = codeMessage;
        this.failure = java.util.Objects.requireNonNull(failure, "failure");
    }

    /**
     * Returns when {@code status} is the success code; otherwise throws the exception for it.
     *
     * @param symbol  the function called, for a failure the library explains nowhere
     */
    public void checkStatus(int status, int success, String symbol) {
        if (status != success) {
            throw failure(status, symbol);
        }
    }

    /**
     * A result that is a value when non-negative and minus an error code when negative.
     *
     * @return {@code result}, when it is not negative
     */
    public long checkNonNegative(long result, String symbol) {
        if (result < 0) {
            throw failure((int) -result, symbol);
        }
        return result;
    }

    /** As {@link #checkNonNegative(long, String)} for an {@code int} result. */
    public int checkNonNegative(int result, String symbol) {
        if (result < 0) {
            throw failure(-result, symbol);
        }
        return result;
    }

    /**
     * A pointer result that is null on failure; the exception has code 0, since the library
     * gives none, and its last error message.
     *
     * @return {@code result}, when it is not null
     */
    public MemorySegment checkNotNull(MemorySegment result, String symbol) {
        if (result.address() == 0) {
            throw failure.of(0, message(lastErrorMessage == null ? null : lastErrorMessage.get(),
                    symbol + " returned null"));
        }
        return result;
    }

    /** The exception for a failure with {@code code}, and the best message the library has for it. */
    public RuntimeException failure(int code, String symbol) {
        MemorySegment message = lastErrorMessage != null ? lastErrorMessage.get()
                : codeMessage != null ? codeMessage.apply(code) : null;
        return failure.of(code, message(message, symbol + " failed with code " + code));
    }

    private static String message(MemorySegment message, String fallback) {
        return message == null || message.address() == 0 ? fallback : CStrings.read(message);
    }
}
