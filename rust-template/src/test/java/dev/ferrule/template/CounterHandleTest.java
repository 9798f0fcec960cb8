package dev.ferrule.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The generated handle class against the real template library. */
class CounterHandleTest {

    @Test
    void counterWorksAndCloseIsIdempotent() {
        Counter counter = Counter.create(10);
        assertThat(counter.add(5)).isEqualTo(15);
        counter.close();
        counter.close();

        assertThat(counter.isClosed()).isTrue();
        assertThatThrownBy(() -> counter.add(1)).isInstanceOf(IllegalStateException.class)
                .hasMessage("Counter is closed");
        assertThat(Template.liveObjects()).isZero();
    }

    @Test
    void duplicateOutlivesTheOriginal() {
        Counter original = Counter.create(1);
        try (Counter copy = original.duplicate()) {
            original.close();
            assertThat(copy.add(1)).isEqualTo(2);
        }
        assertThat(Template.liveObjects()).isZero();
    }

    @Test
    void crateErrorsStillArriveThroughTheHandle() {
        try (Counter counter = Counter.create(Long.MAX_VALUE)) {
            assertThatThrownBy(() -> counter.add(1)).isInstanceOf(TemplateException.OverflowException.class)
                    .hasMessage("the counter would overflow");
        }
    }

    @Test
    void sixteenThreadsRaceUseAgainstClose() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (int round = 0; round < 20; round++) {
                Counter counter = Counter.create(0);
                CountDownLatch start = new CountDownLatch(1);
                AtomicLong successes = new AtomicLong();
                List<Future<?>> tasks = new ArrayList<>();
                for (int t = 0; t < 15; t++) {
                    tasks.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < 500; i++) {
                            try {
                                counter.add(1);
                                successes.incrementAndGet();
                            } catch (IllegalStateException closed) {
                                return null;
                            }
                        }
                        return null;
                    }));
                }
                tasks.add(pool.submit(() -> {
                    start.await();
                    counter.close();
                    return null;
                }));
                start.countDown();
                for (Future<?> task : tasks) {
                    task.get();
                }
                assertThat(counter.isClosed()).isTrue();
                assertThat(successes.get()).isBetween(0L, 15L * 500);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Template.liveObjects()).isZero();
    }

    @Test
    void forgottenCountersAreReleasedByTheCleanerAndCountedAsLeaks() throws Exception {
        long before = Counter.reclaimedByCleaner();
        for (int i = 0; i < 100; i++) {
            Counter.create(i);
        }
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (Counter.reclaimedByCleaner() - before < 100 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(Counter.reclaimedByCleaner() - before).isEqualTo(100);
        assertThat(Template.liveObjects()).isZero();
    }

    /**
     * Millions of short-lived counters, a quarter of them forgotten: the leak net keeps pace, so the
     * native side never holds more than a bounded backlog, and everything is released in the end.
     */
    @Test
    void millionsOfShortLivedCountersDoNotOutrunTheLeakNet() throws Exception {
        long before = Counter.reclaimedByCleaner();
        int total = 2_000_000;
        int forgotten = 0;
        long maxLive = 0;
        for (int i = 0; i < total; i++) {
            Counter counter = Counter.create(i);
            if (i % 4 == 0) {
                forgotten++;
            } else {
                counter.close();
            }
            if (i % 100_000 == 0) {
                maxLive = Math.max(maxLive, Template.liveObjects());
            }
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (Counter.reclaimedByCleaner() - before < forgotten && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(Counter.reclaimedByCleaner() - before).isEqualTo(forgotten);
        assertThat(Template.liveObjects()).isZero();
        // Forgotten counters are released as the collector finds them, not all at the end.
        assertThat(maxLive).isLessThan(forgotten);
    }
}
