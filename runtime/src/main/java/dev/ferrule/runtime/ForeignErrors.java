package dev.ferrule.runtime;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

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

    /**
     * A library's error objects: a failed call writes one through a {@code *mut *mut E}
     * out-parameter, and the caller reads it and frees it.
     *
     * @param message  {@code (error) -> *const c_char}, a string the error keeps
     * @param code     {@code (error) -> int}; null when errors have no code
     * @param free     the error's release function
     */
    public record ErrorObjects(Function<MemorySegment, MemorySegment> message, ToIntFunction<MemorySegment> code,
            Consumer<MemorySegment> free) {
    }

    private final Supplier<MemorySegment> lastErrorMessage;
    private final IntFunction<MemorySegment> codeMessage;
    private final ErrorObjects errorObjects;
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
        this(lastErrorMessage, codeMessage, null, failure);
    }

    /** @param errorObjects  how to read and free the library's error objects; null when it has none */
    public ForeignErrors(Supplier<MemorySegment> lastErrorMessage, IntFunction<MemorySegment> codeMessage,
            ErrorObjects errorObjects, RuntimeExports.Failure failure) {
        this.lastErrorMessage = lastErrorMessage;
        this.codeMessage = codeMessage;
        this.errorObjects = errorObjects;
        this.failure = java.util.Objects.requireNonNull(failure, "failure");
    }

    /** An error out-parameter set to null, for one call. */
    public static MemorySegment slot(java.lang.foreign.SegmentAllocator allocator) {
        MemorySegment slot = allocator.allocate(ValueLayout.ADDRESS);
        slot.set(ValueLayout.ADDRESS, 0, MemorySegment.NULL);
        return slot;
    }

    /**
     * After a call with an error out-parameter: throws the error the library wrote, after
     * reading its code and message and freeing it exactly once; otherwise, when {@code ok} is
     * false, throws with the last error message, since the library failed without saying why.
     *
     * @param slot  the out-parameter, set to null before the call
     */
    public void checkErrorObject(MemorySegment slot, boolean ok, String symbol) {
        MemorySegment error = slot.get(ValueLayout.ADDRESS, 0);
        if (error.address() != 0) {
            int code;
            String message;
            try {
                code = errorObjects.code() == null ? 0 : errorObjects.code().applyAsInt(error);
                message = message(errorObjects.message().apply(error), symbol + " failed with code " + code);
            } finally {
                errorObjects.free().accept(error);
            }
            throw failure.of(code, message);
        }
        if (!ok) {
            throw failure.of(0, message(lastErrorMessage == null ? null : lastErrorMessage.get(),
                    symbol + " failed and wrote no error"));
        }
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
