package dev.ferrule.runtime;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;

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

    private static final ThreadLocal<CallFrame> FRAMES = ThreadLocal.withInitial(CallFrame::new);

    // GC-managed, so a thread that dies does not leak its buffer.
    private final MemorySegment buffer = Arena.ofAuto().allocate(CAPACITY, 16);
    private long offset;
    private Arena overflow;

    private CallFrame() {
    }

    /** The calling thread's frame. */
    public static CallFrame current() {
        return FRAMES.get();
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

    /** Zeroed memory, valid until the frame is reset below it. */
    @Override
    public MemorySegment allocate(long byteSize, long byteAlignment) {
        if (byteSize < 0 || byteAlignment <= 0 || (byteAlignment & (byteAlignment - 1)) != 0) {
            throw new IllegalArgumentException("bad size " + byteSize + " or alignment " + byteAlignment);
        }
        long start = (offset + byteAlignment - 1) & -byteAlignment;
        if (byteAlignment <= 16 && start + byteSize <= CAPACITY) {
            offset = start + byteSize;
            return buffer.asSlice(start, byteSize).fill((byte) 0);
        }
        if (overflow == null) {
            overflow = Arena.ofConfined();
        }
        return overflow.allocate(byteSize, byteAlignment);
    }
}
