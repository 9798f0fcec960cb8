package dev.ferrule.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CallFrameTest {

    @Test
    void nestedCallsGetTheirOwnMemoryAndResetToTheirMark() {
        CallFrame frame = CallFrame.current();
        long outer = frame.mark();
        MemorySegment outerOut = frame.allocate(ValueLayout.JAVA_LONG);
        outerOut.set(ValueLayout.JAVA_LONG, 0, 7);

        long inner = frame.mark();
        MemorySegment innerOut = frame.allocate(ValueLayout.JAVA_LONG);
        innerOut.set(ValueLayout.JAVA_LONG, 0, 9);
        frame.reset(inner);

        assertThat(outerOut.get(ValueLayout.JAVA_LONG, 0)).as("the inner call did not clobber it").isEqualTo(7);
        assertThat(innerOut.address()).isNotEqualTo(outerOut.address());
        frame.reset(outer);
        assertThat(frame.mark()).isEqualTo(outer);
    }

    @Test
    void memoryIsZeroedAlignedAndReused() {
        CallFrame frame = CallFrame.current();
        long mark = frame.mark();
        MemorySegment first = frame.allocate(1, 1);
        first.set(ValueLayout.JAVA_BYTE, 0, (byte) 5);
        MemorySegment aligned = frame.allocate(ValueLayout.JAVA_LONG);
        assertThat(aligned.address() % 8).isZero();
        frame.reset(mark);

        MemorySegment again = frame.allocate(1, 1);
        assertThat(again.address()).isEqualTo(first.address());
        assertThat(again.get(ValueLayout.JAVA_BYTE, 0)).isZero();
        frame.reset(mark);
    }

    @Test
    void allocateZeroesWhatAnEarlierCallWroteAndScratchTakesTheSameMemory() {
        CallFrame frame = CallFrame.current();
        long mark = frame.mark();
        for (long size : new long[] {1, 7, 8, 9, 16, 17, 40, 300}) {
            MemorySegment written = frame.scratch(size, 8).fill((byte) 0xFF);
            frame.reset(mark);
            MemorySegment again = frame.allocate(size, 8);
            assertThat(again.address()).isEqualTo(written.address());
            for (long i = 0; i < size; i++) {
                assertThat(again.get(ValueLayout.JAVA_BYTE, i)).as("byte %d of %d", i, size).isZero();
            }
            frame.reset(mark);
        }
        MemorySegment copy = frame.allocateFrom(ValueLayout.JAVA_BYTE, new byte[] {1, 2, 3});
        assertThat(copy.toArray(ValueLayout.JAVA_BYTE)).containsExactly(1, 2, 3);
        assertThat(frame.scratch(ValueLayout.JAVA_LONG).address() % 8).isZero();
        frame.reset(mark);
    }

    @Test
    void largeRequestsOverflowIntoAnArenaClosedByTheOutermostReset() {
        CallFrame frame = CallFrame.current();
        long mark = frame.mark();
        assertThat(mark).isZero();
        MemorySegment big = frame.allocate(CallFrame.CAPACITY * 4L, 8);
        big.set(ValueLayout.JAVA_LONG, CallFrame.CAPACITY * 4L - 8, 1);
        assertThat(frame.mark()).as("the buffer is untouched").isZero();
        frame.reset(mark);
        assertThatThrownBy(() -> big.get(ValueLayout.JAVA_LONG, 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void eachThreadHasItsOwnFrame() throws Exception {
        AtomicReference<CallFrame> other = new AtomicReference<>();
        Thread thread = new Thread(() -> other.set(CallFrame.current()));
        thread.start();
        thread.join();
        assertThat(other.get()).isNotNull().isNotSameAs(CallFrame.current());
    }

    @Test
    void badRequestsAreRefused() {
        assertThatThrownBy(() -> CallFrame.current().allocate(8, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CallFrame.current().allocate(-1, 8)).isInstanceOf(IllegalArgumentException.class);
    }
}
