package dev.ferrule.runtime;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;

/**
 * Memory for one downcall's temporaries (out-parameters, struct copies, small strings), taken
 * from a per-thread buffer instead of {@code malloc}: generated safe methods mark the frame, use
 * it for the call, and reset it in {@code finally}. Calls nest (a callback may call into the
 * library again) because each one resets only to its own mark.
 *
 * <p>A confined arena per call costs a session and a {@code malloc}/{@code free} pair for a
 * handful of bytes, which dominates a fast downcall. Requests that do not fit in the buffer go
 * to a confined overflow arena, closed when the outermost call on the thread returns, so large
 * inputs do not linger.
 *
 * <pre>{@code
 * CallFrame frame = CallFrame.current();
 * long mark = frame.mark();
 * try {
 *     MemorySegment out = frame.allocate(ValueLayout.JAVA_LONG);
 *     ...
 * } finally {
 *     frame.reset(mark);
 * }
 * }</pre>
 */
public final class CallFrame implements SegmentAllocator {

    /** Bytes per thread; enough for any out-parameter and most struct arguments. */
    static final int CAPACITY = 4096;
    /** Up to this many bytes (a scalar, a pointer, a pointer and a length) take the short path. */
    private static final long SMALL = 16;

    private static final ThreadLocal<CallFrame> FRAMES = ThreadLocal.withInitial(CallFrame::new);

    /**
     * The frames of recently calling threads, by thread id: a direct-mapped cache in front of
     * {@link #FRAMES}. {@code ThreadLocal.get} is few instructions but a chain of five dependent
     * loads (thread, map, table, entry, value), which a 10 ns downcall feels; here it is two (the
     * slot, the owner). Thread ids are never reused, so a slot holding another thread's frame is
     * a miss, never a wrong frame; racing writes to a slot only cost misses. At most this many
     * frames of finished threads stay reachable until their slots are taken.
     */
    private static final CallFrame[] RECENT = new CallFrame[256];

    private final long owner = Thread.currentThread().threadId();

    // GC-managed, so a thread that dies does not leak its buffer.
    private final MemorySegment buffer = Arena.ofAuto().allocate(CAPACITY, 16);
    private long offset;
    private Arena overflow;

    private CallFrame() {
    }

    /** The calling thread's frame. */
    public static CallFrame current() {
        long thread = Thread.currentThread().threadId();
        CallFrame frame = RECENT[(int) thread & (RECENT.length - 1)];
        return frame != null && frame.owner == thread ? frame : remembered(thread);
    }

    private static CallFrame remembered(long thread) {
        CallFrame frame = FRAMES.get();
        RECENT[(int) thread & (RECENT.length - 1)] = frame;
        return frame;
    }

    /** @return the position to {@link #reset} to when the call ends */
    public long mark() {
        return offset;
    }

    /**
     * Releases everything allocated since {@code mark}. The outermost call (mark 0) also closes
     * the overflow arena.
     */
    public void reset(long mark) {
        offset = mark;
        if (mark == 0 && overflow != null) {
            Arena closing = overflow;
            overflow = null;
            closing.close();
        }
    }

    /**
     * Zeroed memory, valid until the frame is reset below it: an out-parameter the library may
     * leave unwritten reads as 0 or null, never as an earlier call's bytes.
     */
    @Override
    public MemorySegment allocate(long byteSize, long byteAlignment) {
        MemorySegment memory = scratch(byteSize, byteAlignment);
        if (byteSize == Long.BYTES) {
            memory.set(ValueLayout.JAVA_LONG_UNALIGNED, 0, 0L);
        } else if (byteSize > 0) {
            memory.fill((byte) 0);
        }
        return memory;
    }

    /**
     * Memory the call overwrites before anyone reads it, not zeroed: an out-parameter of a
     * library that writes its outputs whenever it reports success (ferrule-ffi's contract), read
     * only after the status says so, or a copy of an argument. Valid until the frame is reset
     * below it.
     *
     * <p>Zeroing costs more than the rest of a fast call: {@code fill}, even on 8 bytes, took a
     * hundred instructions, and two plain stores before the downcall about as many (callgrind, the
     * safe {@code add}: 213 instructions per call from scratch, 317 with {@code fill}, 307 with
     * stores).
     */
    public MemorySegment scratch(MemoryLayout layout) {
        return scratch(layout.byteSize(), layout.byteAlignment());
    }

    /** As {@link #scratch(MemoryLayout)}, by size and alignment. */
    public MemorySegment scratch(long byteSize, long byteAlignment) {
        long start = (offset + byteAlignment - 1) & -byteAlignment;
        // Small and simple requests stay a few instructions, so that C2 inlines them into the
        // generated method and the slice never becomes an object.
        if (byteSize >= 0 && byteSize <= SMALL && byteAlignment > 0 && byteAlignment <= 16
                && (byteAlignment & (byteAlignment - 1)) == 0 && start + byteSize <= CAPACITY) {
            offset = start + byteSize;
            return buffer.asSlice(start, byteSize);
        }
        return scratchLarger(byteSize, byteAlignment);
    }

    /** A copy of the bytes; they overwrite all of it, so it is not zeroed first. */
    @Override
    public MemorySegment allocateFrom(ValueLayout.OfByte elementLayout, byte... elements) {
        MemorySegment copy = scratch(elements.length, elementLayout.byteAlignment());
        MemorySegment.copy(elements, 0, copy, elementLayout, 0, elements.length);
        return copy;
    }

    private MemorySegment scratchLarger(long byteSize, long byteAlignment) {
        if (byteSize < 0 || byteAlignment <= 0 || (byteAlignment & (byteAlignment - 1)) != 0) {
            throw new IllegalArgumentException("bad size " + byteSize + " or alignment " + byteAlignment);
        }
        long start = (offset + byteAlignment - 1) & -byteAlignment;
        if (byteAlignment <= 16 && start + byteSize <= CAPACITY) {
            offset = start + byteSize;
            return buffer.asSlice(start, byteSize);
        }
        if (overflow == null) {
            overflow = Arena.ofConfined();
        }
        return overflow.allocate(byteSize, byteAlignment);
    }
}
