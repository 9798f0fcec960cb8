package dev.ferrule.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import dev.ferrule.runtime.UpcallContext;
import dev.ferrule.runtime.junit.FerruleLeakCheck;
import org.junit.jupiter.api.Test;

/** Callbacks through the generated safe layer: values flow, and a throwing callback cannot kill the JVM. */
@FerruleLeakCheck(Template.class)
class CallbackTest {

    @Test
    void callbackReceivesEveryStep() {
        List<Long> steps = new ArrayList<>();
        try (Counter counter = Counter.create(4)) {
            counter.steps(step -> {
                steps.add(step);
                return true;
            });
        }
        assertThat(steps).containsExactly(1L, 2L, 3L, 4L);
        assertThat(Template.liveObjects()).isZero();
    }

    @Test
    void callbackCanStopWithTheCratesError() {
        try (Counter counter = Counter.create(10)) {
            assertThatThrownBy(() -> counter.steps(step -> step != 3))
                    .isInstanceOf(TemplateException.StoppedException.class)
                    .hasMessage("the callback stopped the iteration");
        }
    }

    @Test
    void exceptionInCallbackIsRethrownAfterTheCallAndTheJvmSurvives() {
        try (Counter counter = Counter.create(5)) {
            IllegalArgumentException thrown = new IllegalArgumentException("bad step");
            assertThatThrownBy(() -> counter.steps(step -> {
                throw thrown;
            })).isSameAs(thrown);
            assertThat(counter.add(1)).isEqualTo(6);
        }
        assertThat(UpcallContext.openCount()).as("the call's context is closed after a failure too").isZero();
        assertThat(Template.greet("after")).isEqualTo("Hello, after!");
    }

    @Test
    void nestedCallsFromInsideACallbackReachTheirOwnCallbacks() {
        List<String> seen = new ArrayList<>();
        try (Counter outer = Counter.create(2); Counter inner = Counter.create(3)) {
            // One shared upcall stub per callback type: the user_data must route each step to its own call.
            outer.steps(o -> {
                inner.steps(i -> {
                    seen.add(o + "." + i);
                    return true;
                });
                return true;
            });
        }
        assertThat(seen).containsExactly("1.1", "1.2", "1.3", "2.1", "2.2", "2.3");
        assertThat(UpcallContext.openCount()).isZero();
    }

    @Test
    void callbacksFromManyThreadsAtOnceStayWithTheirCalls() throws InterruptedException {
        int threads = 8;
        long[] sums = new long[threads];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int index = t;
            workers.add(Thread.ofPlatform().start(() -> {
                try (Counter counter = Counter.create(index + 1)) {
                    for (int round = 0; round < 200; round++) {
                        counter.steps(step -> {
                            sums[index] += step;
                            return true;
                        });
                    }
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        for (int t = 0; t < threads; t++) {
            long n = t + 1;
            assertThat(sums[t]).as("thread %d", t).isEqualTo(200 * n * (n + 1) / 2);
        }
    }

    @Test
    void nullCallbackIsRejectedOnTheJavaSide() {
        try (Counter counter = Counter.create(1)) {
            assertThatThrownBy(() -> counter.steps(null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("each");
        }
    }
}
