package dev.ferrule.runtime;

import java.lang.foreign.MemorySegment;
import java.lang.ref.Reference;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The base of generated classes for objects of a C ABI that Ferrule did not write: a raw
 * pointer that this Java object owns, released exactly once by the library's release function.
 *
 * <ul>
 *   <li>{@link #close()} may be called any number of times; the first one counts. After it,
 *       every call throws {@link IllegalStateException}.</li>
 *   <li><b>A call in flight keeps the object alive.</b> Close marks the object closed and returns
 *       at once; the pointer is released by whichever finishes last, the close or the last call
 *       in flight. So a close that races calls on other threads never frees memory under them,
 *       and a close from inside a callback of a call on the same object cannot deadlock. The
 *       release may therefore run on the thread of that last call.</li>
 *   <li><b>Thread confinement.</b> When nothing says the library's object may be used from
 *       several threads, the object is confined: only the thread that created it may call it or
 *       close it; any other gets {@link WrongThreadException}, checked on every call.</li>
 *   <li><b>Leak net.</b> An object that becomes unreachable without {@code close()} has its
 *       pointer released by a {@link HandleTracker}, which counts and logs it as a leak.</li>
 *   <li><b>Children keep parents.</b> An object made by a method of another (an iterator over a
 *       store) keeps that parent alive until it is released itself.</li>
 * </ul>
 *
 * <p>Generated code brackets each downcall with {@link #beginCall()} and {@link #endCall()} in
 * {@code try}/{@code finally}; application code has no reason to call either.
 */
public abstract class ForeignObject implements AutoCloseable {

    // The high bit says closed; the rest counts calls in flight.
    private static final long CLOSED = Long.MIN_VALUE;

    private final AtomicLong state = new AtomicLong();
    private final HandleTracker.Tracked tracked;
    private final MemorySegment pointer;
    private final Thread owner;

    /**
     * @param tracker   the tracker of this object's type, which holds its release function
     * @param pointer   what the library's constructor returned; never null
     * @param confined  whether only the creating thread may use it
     * @throws IllegalArgumentException when the pointer is null: a failed constructor must have
     *                                  been reported before an object is made
     */
    protected ForeignObject(HandleTracker tracker, MemorySegment pointer, boolean confined) {
        this(tracker, pointer, confined, null);
    }

    /**
     * An object that a method of {@code parent} returned, which may borrow from it (an iterator
     * over a store): the parent stays alive, as if in a call, until this one is released. A
     * parent closed first is released after its last child, never under it.
     *
     * @param parent  the object whose method made this one; null for none
     */
    // The tracker holds only a phantom reference, which cannot reach the unfinished object.
    @SuppressWarnings("this-escape")
    protected ForeignObject(HandleTracker tracker, MemorySegment pointer, boolean confined, ForeignObject parent) {
        if (pointer == null || pointer.address() == 0) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " needs a non-null pointer");
        }
        this.pointer = pointer;
        this.owner = confined ? Thread.currentThread() : null;
        if (parent != null) {
            parent.beginCall();
        }
        this.tracked = tracker.track(this, pointer.address(), parent == null ? null : parent::endCall);
    }

    /**
     * Starts a call: checks the thread and that the object is open, and keeps it alive until
     * the matching {@link #endCall()}.
     *
     * @return the pointer to pass to the library
     * @throws IllegalStateException  when the object is closed
     * @throws WrongThreadException   when a confined object is used from another thread
     */
    public final MemorySegment beginCall() {
        checkThread();
        long current;
        do {
            current = state.get();
            if (current < 0) {
                throw new IllegalStateException(getClass().getSimpleName() + " is closed");
            }
        } while (!state.compareAndSet(current, current + 1));
        return pointer;
    }

    /** Ends a call that {@link #beginCall()} started; the last one after a close releases the pointer. */
    public final void endCall() {
        if (state.decrementAndGet() == CLOSED) {
            tracked.close();
        }
        Reference.reachabilityFence(this);
    }

    /**
     * Gives the pointer up to a library function that takes ownership of it (a {@code Box<T>}
     * parameter other than the release function): the object is closed, and nothing will
     * release it again.
     *
     * @throws IllegalStateException when the object is closed, or in a call on another thread
     */
    public final MemorySegment transfer() {
        checkThread();
        if (!state.compareAndSet(0, CLOSED)) {
            throw new IllegalStateException(getClass().getSimpleName() + (state.get() < 0 ? " is closed"
                    : " is in use by a call in flight and cannot be given away"));
        }
        tracked.forget();
        return pointer;
    }

    /** Whether {@link #close()} has been called. */
    public final boolean isClosed() {
        return state.get() < 0;
    }

    /**
     * Releases the object, now or when the last call in flight returns; idempotent.
     *
     * @throws WrongThreadException when a confined object is closed from another thread
     */
    @Override
    public final void close() {
        checkThread();
        long current;
        do {
            current = state.get();
            if (current < 0) {
                return;
            }
        } while (!state.compareAndSet(current, current | CLOSED));
        if (current == 0) {
            tracked.close();
        }
    }

    private void checkThread() {
        if (owner != null && owner != Thread.currentThread()) {
            throw new WrongThreadException(getClass().getSimpleName() + " is confined to thread '"
                    + owner.getName() + "', which created it; it was used from '" + Thread.currentThread().getName()
                    + "'. The library does not say it may be shared; declare it shareable in"
                    + " [package.metadata.ferrule.objects] if it may.");
        }
    }
}
