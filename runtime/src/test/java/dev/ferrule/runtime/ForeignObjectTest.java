package dev.ferrule.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

class ForeignObjectTest {

    /** Stands in for a generated class; its "library" records releases and checks calls against them. */
    static final class Thing extends ForeignObject {
        Thing(HandleTracker tracker, long address, boolean confined) {
            super(tracker, MemorySegment.ofAddress(address), confined);
        }

        Thing(HandleTracker tracker, long address, Thing parent) {
            super(tracker, MemorySegment.ofAddress(address), false, parent);
        }
    }

    private final ConcurrentHashMap<Long, LongAdder> released = new ConcurrentHashMap<>();
    private final HandleTracker tracker = new HandleTracker("Thing",
            address -> released.computeIfAbsent(address, a -> new LongAdder()).increment(), false);

    private long releases(long address) {
        LongAdder count = released.get(address);
        return count == null ? 0 : count.sum();
    }

    @Test
    void closeReleasesOnceAndUseAfterCloseThrows() {
        Thing thing = new Thing(tracker, 16, true);
        assertThat(thing.beginCall().address()).isEqualTo(16);
        thing.endCall();

        thing.close();
        thing.close();

        assertThat(releases(16)).isEqualTo(1);
        assertThat(thing.isClosed()).isTrue();
        assertThat(tracker.outstanding()).isZero();
        assertThatThrownBy(thing::beginCall).isInstanceOf(IllegalStateException.class).hasMessage("Thing is closed");
    }

    @Test
    void aCallInFlightKeepsTheObjectUntilItReturns() {
        Thing thing = new Thing(tracker, 32, false);
        thing.beginCall();

        thing.close();

        assertThat(releases(32)).as("released under a running call").isZero();
        assertThatThrownBy(thing::beginCall).isInstanceOf(IllegalStateException.class);
        thing.endCall();
        assertThat(releases(32)).isEqualTo(1);
    }

    @Test
    void aConfinedObjectRefusesOtherThreadsAndASharedOneDoesNot() throws Exception {
        Thing confined = new Thing(tracker, 48, true);
        Thing shared = new Thing(tracker, 64, false);
        List<Throwable> seen = new ArrayList<>();
        Thread other = new Thread(() -> {
            try {
                confined.beginCall();
            } catch (WrongThreadException e) {
                seen.add(e);
            }
            try {
                confined.close();
            } catch (WrongThreadException e) {
                seen.add(e);
            }
            shared.beginCall();
            shared.endCall();
            shared.close();
        }, "worker-1");
        other.start();
        other.join();

        assertThat(seen).hasSize(2).first().extracting(Throwable::getMessage).asString()
                .contains("confined to thread '" + Thread.currentThread().getName() + "'")
                .contains("used from 'worker-1'").contains("[package.metadata.ferrule.objects]");
        assertThat(confined.isClosed()).isFalse();
        assertThat(releases(64)).isEqualTo(1);
        confined.close();
        assertThat(releases(48)).isEqualTo(1);
    }

    @Test
    void closesRacingCallsOnManyThreadsNeverReleaseUnderACallAndReleaseOnce() throws Exception {
        int objects = 2_000;
        int threads = 8;
        // A call "uses" the pointer by checking it was not released yet: what a freed pointer would break.
        AtomicLong useAfterFree = new AtomicLong();
        List<Thing> things = new ArrayList<>();
        for (long i = 1; i <= objects; i++) {
            things.add(new Thing(tracker, i * 16, false));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            results.add(pool.submit(() -> {
                start.await();
                long refused = 0;
                for (int i = 0; i < objects; i++) {
                    Thing thing = things.get((i + offset * 97) % objects);
                    if ((i + offset) % 5 == 0) {
                        thing.close();
                        continue;
                    }
                    try {
                        MemorySegment pointer = thing.beginCall();
                        try {
                            if (releases(pointer.address()) != 0) {
                                useAfterFree.incrementAndGet();
                            }
                        } finally {
                            thing.endCall();
                        }
                    } catch (IllegalStateException closed) {
                        refused++;
                    }
                }
                return refused;
            }));
        }
        start.countDown();
        long refused = 0;
        for (Future<Long> result : results) {
            refused += result.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        things.forEach(Thing::close);

        assertThat(useAfterFree.get()).isZero();
        assertThat(refused).as("some calls met a closed object, so closes did race calls").isPositive();
        assertThat(released).hasSize(objects);
        assertThat(released.values()).allSatisfy(count -> assertThat(count.sum()).isEqualTo(1));
        assertThat(tracker.outstanding()).isZero();
    }

    @Test
    void aTransferredPointerIsNeverReleasedHere() {
        Thing thing = new Thing(tracker, 80, true);

        assertThat(thing.transfer().address()).isEqualTo(80);
        thing.close();

        assertThat(thing.isClosed()).isTrue();
        assertThat(releases(80)).isZero();
        assertThat(tracker.outstanding()).isZero();
        assertThatThrownBy(thing::transfer).isInstanceOf(IllegalStateException.class).hasMessage("Thing is closed");
    }

    @Test
    void aNullPointerIsNoObject() {
        assertThatThrownBy(() -> new Thing(tracker, 0, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Thing needs a non-null pointer");
        assertThat(tracker.outstanding()).isZero();
    }

    @Test
    void aForgottenObjectIsReleasedAndCountedAsALeak() throws Exception {
        createAndDrop();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (tracker.reclaimed() == 0 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(10);
            new Thing(tracker, 112, true).close();
        }
        assertThat(tracker.reclaimed()).isEqualTo(1);
        assertThat(releases(96)).isEqualTo(1);
    }

    private void createAndDrop() {
        new Thing(tracker, 96, true);
    }

    @Test
    void aChildKeepsItsParentUntilItIsReleasedByCloseOrByTheLeakNet() throws Exception {
        Thing store = new Thing(tracker, 128, false);
        Thing iterator = new Thing(tracker, 144, store);

        store.close();
        assertThat(releases(128)).as("released under its iterator").isZero();
        assertThatThrownBy(store::beginCall).isInstanceOf(IllegalStateException.class);
        iterator.close();
        assertThat(releases(144)).isEqualTo(1);
        assertThat(releases(128)).isEqualTo(1);

        Thing second = new Thing(tracker, 160, false);
        forgetChildOf(second);
        second.close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (releases(160) == 0 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(10);
            new Thing(tracker, 192, true).close();
        }
        assertThat(releases(176)).as("the leaked child").isEqualTo(1);
        assertThat(releases(160)).as("its parent, once the child was reclaimed").isEqualTo(1);
    }

    private void forgetChildOf(Thing parent) {
        new Thing(tracker, 176, parent);
    }
}
