package dev.ferrule.runtime;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Java side of one call that passes a callback to the library, found again by the number the
 * library hands back as the callback's {@code user_data}.
 *
 * <p>Generated bindings create one upcall stub per callback type, once, instead of one per call:
 * a stub costs tens of microseconds to make, a lookup here tens of nanoseconds. The stub's target
 * finds the call's context by its id; a context that was closed, or a number the library made up,
 * finds nothing, and the target then reports failure to the library instead of running stale code.
 *
 * @param <T> the callback's functional interface
 */
public final class UpcallContext<T> implements AutoCloseable {

    private static final ConcurrentHashMap<Long, UpcallContext<?>> OPEN = new ConcurrentHashMap<>();
    // Never 0: a library that forgets to pass user_data through hands back 0, which must find nothing.
    private static final AtomicLong NEXT_ID = new AtomicLong(1);

    private final long id;
    private final Class<T> type;
    private final T callback;
    // The library may run the callback on a thread of its own.
    private volatile Throwable failure;

    private UpcallContext(long id, Class<T> type, T callback) {
        this.id = id;
        this.type = type;
        this.callback = callback;
    }

    /**
     * The one upcall stub of a callback type: a C function pointer that calls {@code target}, a
     * static method of the bindings, for as long as the JVM runs. Made once per type, when the
     * bindings first pass such a callback.
     *
     * @param lookup      the bindings' own lookup, which can see their private target method
     * @param owner       the class that declares {@code target}
     * @param type        the target's Java type
     * @param descriptor  the callback's C signature
     * @throws ExceptionInInitializerError when the target is missing: the bindings are broken
     */
    @SuppressWarnings("restricted")
    public static MemorySegment stub(MethodHandles.Lookup lookup, Class<?> owner, String target, MethodType type,
            FunctionDescriptor descriptor) {
        try {
            return Linker.nativeLinker().upcallStub(lookup.findStatic(owner, target, type), descriptor,
                    Arena.global());
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Opens the context of one call; close it when the call has returned. */
    public static <T> UpcallContext<T> open(Class<T> type, T callback) {
        if (callback == null) {
            throw new NullPointerException("callback");
        }
        UpcallContext<T> context = new UpcallContext<>(NEXT_ID.getAndIncrement(), type, callback);
        OPEN.put(context.id, context);
        return context;
    }

    /**
     * The context with this id, if it is open and of this callback type.
     *
     * @return null when there is none: the caller reports failure to the library
     */
    public static <T> UpcallContext<T> find(long id, Class<T> type) {
        UpcallContext<?> context = OPEN.get(id);
        return context == null || context.type != type ? null : cast(context);
    }

    @SuppressWarnings("unchecked")
    private static <T> UpcallContext<T> cast(UpcallContext<?> context) {
        return (UpcallContext<T>) context;
    }

    /** The number to pass as the callback's {@code user_data}. */
    public long id() {
        return id;
    }

    public T callback() {
        return callback;
    }

    /** Keeps the first exception a callback threw; an exception must not unwind into native frames. */
    public void fail(Throwable thrown) {
        if (failure == null) {
            failure = thrown;
        }
    }

    /** Rethrows what a callback threw during the call, if anything; checked exceptions wrapped. */
    public void rethrow() {
        Throwable thrown = failure;
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        if (thrown != null) {
            throw new IllegalStateException("a callback threw a checked exception", thrown);
        }
    }

    /** How many calls with callbacks are in progress, for tests: it must return to where it was. */
    public static int openCount() {
        return OPEN.size();
    }

    @Override
    public void close() {
        OPEN.remove(id);
    }
}
