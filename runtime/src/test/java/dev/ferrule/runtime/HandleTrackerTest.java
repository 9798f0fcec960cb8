package dev.ferrule.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

class HandleTrackerTest {

    @Test
    void closeReleasesOnceAndUnregisters() {
        List<Long> released = new ArrayList<>();
        HandleTracker tracker = new HandleTracker("Thing", released::add, false);
        Object owner = new Object();
        HandleTracker.Tracked tracked = tracker.track(owner, 42);

        assertThat(tracked.handle()).isEqualTo(42);
        assertThat(tracker.outstanding()).isEqualTo(1);
        tracked.close();
        tracked.close();

        assertThat(released).containsExactly(42L);
        assertThat(tracked.isClosed()).isTrue();
        assertThat(tracker.outstanding()).isZero();
        assertThatThrownBy(tracked::handle).isInstanceOf(IllegalStateException.class).hasMessage("Thing is closed");
    }

    @Test
    void racingClosesReleaseExactlyOnce() throws Exception {
        ConcurrentHashMap<Long, LongAdder> releases = new ConcurrentHashMap<>();
        HandleTracker tracker = new HandleTracker("Thing", h -> releases.computeIfAbsent(h, k -> new LongAdder())
                .increment(), false);
        List<HandleTracker.Tracked> all = new ArrayList<>();
        for (long h = 1; h <= 1_000; h++) {
            all.add(tracker.track(new Object(), h));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                all.forEach(HandleTracker.Tracked::close);
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(releases).hasSize(1_000);
        assertThat(releases.values()).allSatisfy(count -> assertThat(count.sum()).isEqualTo(1));
    }

    /**
     * Two million forgotten owners and no background thread at all: the threads that make new
     * handles release the collected ones as they go, so the net keeps pace with allocation.
     */
    @Test
    void creatorsReclaimCollectedHandlesWithoutAThread() throws Exception {
        AtomicLong released = new AtomicLong();
        HandleTracker tracker = new HandleTracker("Thing", h -> released.incrementAndGet(), false);
        int perRound = 500_000;
        int rounds = 4;
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < perRound; i++) {
                tracker.track(new Object(), round * (long) perRound + i + 1);
            }
            System.gc();
        }
        // The last round's owners are collected by the last GC; new handles drain them.
        long deadline = System.nanoTime() + 30_000_000_000L;
        long closed = 0;
        while (tracker.reclaimed() < (long) perRound * rounds && System.nanoTime() < deadline) {
            tracker.track(new Object(), Long.MAX_VALUE).close();
            closed++;
        }
        assertThat(tracker.reclaimed()).isEqualTo((long) perRound * rounds);
        assertThat(released.get()).isEqualTo(tracker.reclaimed() + closed);
        assertThat(tracker.reclaimedByTrackingThreads()).isEqualTo(tracker.reclaimed());
        assertThat(tracker.outstanding()).isZero();
    }

    @Test
    void aLeakedHandleWhoseReleaseFailsDoesNotFailTheNextObjectsCreation() throws Exception {
        List<Long> released = new ArrayList<>();
        // Handle 1 was released behind its owner's back (its raw handle passed to release by
        // hand), so releasing it again fails, as ferrule-ffi's STALE_HANDLE does.
        HandleTracker tracker = new HandleTracker("Thing", h -> {
            if (h == 1) {
                throw new IllegalStateException("Thing handle was already released");
            }
            released.add(h);
        }, false);
        tracker.track(new Object(), 1);
        long deadline = System.nanoTime() + 30_000_000_000L;
        long next = 2;
        while (tracker.reclaimed() == 0 && System.nanoTime() < deadline) {
            System.gc();
            HandleTracker.Tracked made = tracker.track(new Object(), next++);
            made.close();
        }
        assertThat(tracker.reclaimed()).as("the leak is counted though its release failed").isEqualTo(1);
        assertThat(released).hasSize((int) (next - 2)).doesNotContain(1L);
        assertThat(tracker.outstanding()).isZero();
    }

    @Test
    void theDaemonThreadReclaimsWhileTheApplicationIsIdle() throws Exception {
        AtomicLong released = new AtomicLong();
        HandleTracker tracker = new HandleTracker("Idle", h -> released.incrementAndGet());
        for (long h = 1; h <= 1_000; h++) {
            tracker.track(new Object(), h);
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (tracker.reclaimed() < 1_000 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(tracker.reclaimed()).isEqualTo(1_000);
        assertThat(released.get()).isEqualTo(1_000);
        assertThat(tracker.outstanding()).isZero();
    }
}
