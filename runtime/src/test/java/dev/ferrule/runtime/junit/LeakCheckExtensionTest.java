package dev.ferrule.runtime.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.ferrule.runtime.HandleTracker;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs small test classes under the extension with JUnit's test kit and checks the verdicts. */
class LeakCheckExtensionTest {

    /** Plays a generated safe class: per-type live counts of a "library". */
    public static final class FakeLibrary {
        static final Map<String, Long> LIVE = new ConcurrentHashMap<>();

        public static Map<String, Long> liveObjectsByType() {
            return Map.copyOf(LIVE);
        }
    }

    @FerruleLeakCheck(FakeLibrary.class)
    static class Scenarios {
        @Test
        void clean() {
            FakeLibrary.LIVE.merge("Widget", 1L, Long::sum);
            FakeLibrary.LIVE.merge("Widget", -1L, Long::sum);
        }

        @Test
        void leaksAWidget() {
            FakeLibrary.LIVE.merge("Widget", 1L, Long::sum);
        }

        @Test
        void forgetsAHandleThatTheNetReleases() throws InterruptedException {
            HandleTracker tracker = new HandleTracker("Gadget", handle -> { });
            tracker.track(new Object(), 7);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (tracker.reclaimed() == 0 && System.nanoTime() < deadline) {
                System.gc();
                HandleTracker.drainAll();
                Thread.sleep(10);
            }
        }
    }

    @Test
    void leaksFailTheTestThatMadeThemAndNameTheType() {
        FakeLibrary.LIVE.clear();
        Events tests = EngineTestKit.engine("junit-jupiter").configurationParameter(
                "junit.jupiter.conditions.deactivate", "*").selectors(selectClass(Scenarios.class)).execute()
                .testEvents();

        assertThat(tests.succeeded().stream().map(e -> e.getTestDescriptor().getDisplayName()))
                .containsExactly("clean()");
        Map<String, String> failures = new java.util.TreeMap<>();
        tests.failed().stream().forEach(e -> failures.put(e.getTestDescriptor().getDisplayName(),
                e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable()
                        .orElseThrow().getMessage()));
        assertThat(failures).containsOnlyKeys("leaksAWidget()", "forgetsAHandleThatTheNetReleases()");
        assertThat(failures.get("leaksAWidget()")).contains("FakeLibrary.Widget: 1 more live (0 -> 1)");
        assertThat(failures.get("forgetsAHandleThatTheNetReleases()"))
                .contains("Gadget: 1 garbage-collected without close() and released by the leak net");
    }
}
