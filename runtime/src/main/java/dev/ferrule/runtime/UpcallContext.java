package dev.ferrule.runtime;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

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

    /**
     * Open contexts in slots chosen by id, so that opening, finding and closing one is a CAS or a
     * read of an array element. A map keyed by {@code Long} boxed every id and took most of a
     * callback call's Java time (JFR on bench/call-overhead's callback: {@code Long.valueOf} and
     * the map's put, get and remove in over half of the samples).
     */
    private static final AtomicReferenceArray<UpcallContext<?>> SLOTS = new AtomicReferenceArray<>(1024);
    /** Slots tried after the id's own, before a context goes to {@link #SPILLED}. */
    private static final int PROBES = 8;
    /** Contexts that found no free slot: more than the table holds are open at once. */
    private static final ConcurrentHashMap<Long, UpcallContext<?>> SPILLED = new ConcurrentHashMap<>();
    // Never 0: a library that forgets to pass user_data through hands back 0, which must find nothing.
    private static final AtomicLong NEXT_ID = new AtomicLong(1);

    private final long id;
    private final Class<T> type;
    private final T callback;
    /** Where the context is held: its index in {@link #SLOTS}, or -1 when spilled. */
    private int slot = -1;
    // The library may run the callback on a thread of its own.
    private volatile Throwable failure;

    private UpcallContext(long id, Class<T> type, T callback) {
        this.id = id;
        this.type = type;
        this.callback = callback;
    }

    private static int slotOf(long id, int probe) {
        return (int) (id + probe) & (SLOTS.length() - 1);
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
        for (int probe = 0; probe < PROBES; probe++) {
            int slot = slotOf(context.id, probe);
            if (SLOTS.get(slot) == null && SLOTS.compareAndSet(slot, null, context)) {
                // Written before the id is handed to the library, which is the only way to find it.
                context.slot = slot;
                return context;
            }
        }
        SPILLED.put(context.id, context);
        return context;
    }

    /**
     * The context with this id, if it is open and of this callback type.
     *
     * @return null when there is none: the caller reports failure to the library
     */
    public static <T> UpcallContext<T> find(long id, Class<T> type) {
        UpcallContext<?> context = null;
        for (int probe = 0; probe < PROBES && context == null; probe++) {
            UpcallContext<?> held = SLOTS.get(slotOf(id, probe));
            context = held != null && held.id == id ? held : null;
        }
        if (context == null && !SPILLED.isEmpty()) {
            context = SPILLED.get(id);
        }
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
        int open = SPILLED.size();
        for (int slot = 0; slot < SLOTS.length(); slot++) {
            open += SLOTS.get(slot) == null ? 0 : 1;
        }
        return open;
    }

    @Override
    public void close() {
        if (slot >= 0) {
            SLOTS.compareAndSet(slot, this, null);
        } else {
            SPILLED.remove(id);
        }
    }
}
