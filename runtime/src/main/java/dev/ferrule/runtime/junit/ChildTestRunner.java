package dev.ferrule.runtime.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs one test method with the JUnit Platform launcher, in the child JVM of {@link CrashIsolated}. */
final class ChildTestRunner {

    private ChildTestRunner() {
    }

    /** @return the child's exit code: 0 when the test passed, 2 when it failed, 4 when none ran */
    static int run(String className, String methodName, String passed, String failed) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectMethod(className, methodName)).build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(request, summary);
        TestExecutionSummary result = summary.getSummary();
        if (result.getTestsSucceededCount() > 0 && result.getTotalFailureCount() == 0) {
            System.out.println(passed);
            return 0;
        }
        if (result.getTotalFailureCount() > 0) {
            StringWriter text = new StringWriter();
            result.getFailures().forEach(f -> f.getException().printStackTrace(new PrintWriter(text)));
            System.out.println(failed + "\n" + text);
            return 2;
        }
        System.out.println(failed + "\nno test ran for " + className + "#" + methodName);
        return 4;
    }
}
