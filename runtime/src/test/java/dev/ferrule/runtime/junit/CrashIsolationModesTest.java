package dev.ferrule.runtime.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Crash isolation of tests that carry no annotation: the extension registered for every class by
 * JUnit's autodetection, as Ferrule's test options set it up.
 */
class CrashIsolationModesTest {

    /** Where the scenario tests note which JVM ran them; children share the working directory. */
    private static final Path RAN_IN = Path.of("target", "crash-isolation-modes", "ran-in.txt");

    static void noteJvm(String test) throws IOException {
        Files.createDirectories(RAN_IN.getParent());
        Files.writeString(RAN_IN, test + " " + ProcessHandle.current().pid() + " " + ChildJvm.inChild() + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class Unannotated {
        static boolean setUpHere;

        @BeforeAll
        static void setUp() {
            setUpHere = true;
        }

        @Test
        void a_passes() throws IOException {
            noteJvm("a");
            assertThat(setUpHere).as("@BeforeAll ran in the same JVM").isTrue();
        }

        @Test
        void b_crashes() throws Throwable {
            noteJvm("b");
            CrashIsolationTest.crashes();
        }

        @Test
        void c_runsAfterTheCrash() throws IOException {
            noteJvm("c");
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 2})
        void d_template(int value) throws IOException {
            noteJvm("d" + value);
            assertThat(value).as("the parameter").isEqualTo(1);
        }
    }

    static class FailingSetUp {
        @BeforeEach
        void setUp() {
            throw new IllegalStateException("no fixture in the child");
        }

        @Test
        void needsTheFixture() {
        }
    }

    static class WithDynamicTests {
        @TestFactory
        Stream<DynamicTest> generated() {
            return Stream.of(DynamicTest.dynamicTest("runs here", () -> noteJvm("dynamic")));
        }

        @Test
        void sameClass() throws IOException {
            noteJvm("plain");
        }
    }

    static class TwoTests {
        @Test
        void first() throws IOException {
            noteJvm("first");
        }

        @Test
        void second() throws IOException {
            noteJvm("second");
        }
    }

    private static Events run(Class<?> scenario, String mode) throws IOException {
        Files.deleteIfExists(RAN_IN);
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.conditions.deactivate", "*")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .configurationParameter(CrashIsolationExtension.MODE_PARAMETER, mode)
                .selectors(selectClass(scenario)).execute().testEvents();
    }

    /** Test name to "pid inChild", from the notes the scenario tests wrote. */
    private static Map<String, String> jvms() throws IOException {
        Map<String, String> jvms = new TreeMap<>();
        for (String line : Files.readAllLines(RAN_IN)) {
            String[] fields = line.split(" ", 2);
            jvms.put(fields[0], fields[1]);
        }
        return jvms;
    }

    private static Map<String, String> failures(Events tests) {
        Map<String, String> failures = new TreeMap<>();
        tests.failed().stream().forEach(e -> failures.put(e.getTestDescriptor().getDisplayName(),
                e.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage()));
        return failures;
    }

    @Test
    void classModeRunsAClassInOneChildAndACrashCostsOnlyItsTest() throws IOException {
        Events tests = run(Unannotated.class, "class");

        assertThat(tests.succeeded().stream().map(e -> e.getTestDescriptor().getDisplayName()))
                .containsExactlyInAnyOrder("a_passes()", "c_runsAfterTheCrash()", "[1] 1");
        Map<String, String> failures = failures(tests);
        assertThat(failures).containsOnlyKeys("b_crashes()", "[2] 2");
        assertThat(failures.get("b_crashes()")).contains("Unannotated.b_crashes crashed its child JVM")
                .containsPattern("Crash log: \\S+hs_err_pid\\d+\\.log");
        assertThat(failures.get("[2] 2")).contains("Unannotated.d_template [[2] 2] failed in its child JVM")
                .contains("the parameter");

        Map<String, String> jvms = jvms();
        assertThat(jvms).containsOnlyKeys("a", "b", "c", "d1", "d2");
        assertThat(jvms.values()).allSatisfy(jvm -> assertThat(jvm).endsWith(" true"));
        assertThat(jvms.get("a")).as("one JVM for the class").isEqualTo(jvms.get("b"));
        assertThat(List.of(jvms.get("c"), jvms.get("d1"), jvms.get("d2"))).as("a JVM each after the crash")
                .doesNotContain(jvms.get("b")).doesNotHaveDuplicates();
    }

    @Test
    void methodModeGivesEachTestItsOwnJvm() throws IOException {
        Events tests = run(TwoTests.class, "method");

        assertThat(tests.succeeded().count()).isEqualTo(2);
        Map<String, String> jvms = jvms();
        assertThat(jvms.get("first")).endsWith(" true").isNotEqualTo(jvms.get("second"));
    }

    @Test
    void offRunsTestsInTheTestJvm() throws IOException {
        Events tests = run(TwoTests.class, "off");

        assertThat(tests.succeeded().count()).isEqualTo(2);
        assertThat(jvms()).containsEntry("first", ProcessHandle.current().pid() + " false");
    }

    @Test
    void aFailingSetUpInTheChildFailsItsTests() throws IOException {
        Events tests = run(FailingSetUp.class, "class");

        assertThat(failures(tests)).hasEntrySatisfying("needsTheFixture()", message -> assertThat(message)
                .contains("failed in its child JVM").contains("no fixture in the child"));
    }

    @Test
    void classesWithDynamicTestsStayInTheTestJvm() throws IOException {
        Events tests = run(WithDynamicTests.class, "class");

        assertThat(tests.succeeded().count()).isEqualTo(2);
        String here = ProcessHandle.current().pid() + " false";
        assertThat(jvms()).containsEntry("dynamic", here).containsEntry("plain", here);
    }

    @Test
    void anUnknownModeIsAnError() throws IOException {
        Events tests = run(TwoTests.class, "sometimes");

        assertThat(failures(tests)).hasEntrySatisfying("first()", message -> assertThat(message)
                .contains("ferrule.crashIsolation is 'sometimes'; use class, method or off"));
    }
}
