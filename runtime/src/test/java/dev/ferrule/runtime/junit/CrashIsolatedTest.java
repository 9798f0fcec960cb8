package dev.ferrule.runtime.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs a small crash-isolated class with JUnit's test kit: a crash fails one test, the rest still run. */
class CrashIsolatedTest {

    @CrashIsolated
    static class Scenarios {
        @Test
        void passes() {
            assertThat(ChildJvm.inChild()).isTrue();
        }

        @Test
        void failsAnAssertion() {
            assertThat(1 + 1).as("arithmetic in the child").isEqualTo(3);
        }

        @Test
        void crashesTheJvm() throws Throwable {
            CrashIsolationTest.crashes();
        }

        @Test
        void runsAfterTheCrash() {
            assertThat(ChildJvm.inChild()).isTrue();
        }
    }

    @Test
    void eachTestRunsInItsOwnJvmAndACrashFailsOnlyItsTest() {
        Events tests = EngineTestKit.engine("junit-jupiter").configurationParameter(
                "junit.jupiter.conditions.deactivate", "*").selectors(selectClass(Scenarios.class)).execute()
                .testEvents();

        assertThat(tests.succeeded().stream().map(e -> e.getTestDescriptor().getDisplayName()))
                .containsExactlyInAnyOrder("passes()", "runsAfterTheCrash()");
        Map<String, String> failures = new TreeMap<>();
        tests.failed().stream().forEach(e -> failures.put(e.getTestDescriptor().getDisplayName(),
                e.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage()));
        assertThat(failures).containsOnlyKeys("failsAnAssertion()", "crashesTheJvm()");
        assertThat(failures.get("failsAnAssertion()")).contains("Scenarios.failsAnAssertion failed in its child JVM")
                .contains("arithmetic in the child");
        assertThat(failures.get("crashesTheJvm()")).contains("Scenarios.crashesTheJvm crashed its child JVM")
                .containsPattern("Crash log: \\S+hs_err_pid\\d+\\.log");
    }
}
