package dev.ferrule.runtime.junit;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The child side of crash isolation: runs the selected tests with the JUnit Platform launcher and
 * appends each start and end to an event file as it happens. The file outlives a crash, so the
 * parent knows which tests finished, how, and which one was running when the JVM died.
 */
final class ChildTestRunner implements TestExecutionListener {

    /** Printed when every selected test has run; a child that ends without it died. */
    static final String DONE = "ferrule-isolated-run-done";

    enum Event { STARTED, FINISHED, SKIPPED }

    private final Path events;

    private ChildTestRunner(Path events) {
        this.events = events;
    }

    /** {@code args}: the event file, then the unique IDs of the tests or containers to run. */
    public static void main(String[] args) {
        ChildTestRunner runner = new ChildTestRunner(Path.of(args[0]));
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(Arrays.stream(args, 1, args.length).map(DiscoverySelectors::selectUniqueId).toList())
                .build(), runner);
        System.out.println(DONE);
        System.exit(0);
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        record(Event.STARTED, test, "", "");
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        record(Event.SKIPPED, test, "", reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        record(Event.FINISHED, test, result.getStatus().name(), result.getThrowable().map(ChildTestRunner::trace)
                .orElse(""));
    }

    private static String trace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    /** One line per event, written through at once: the next test may take the JVM down. */
    private synchronized void record(Event event, TestIdentifier test, String status, String detail) {
        String line = String.join("\t", event.name(), test.getUniqueId(), status,
                Base64.getEncoder().encodeToString(detail.getBytes(StandardCharsets.UTF_8))) + "\n";
        try {
            Files.writeString(events, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record a test event in " + events, e);
        }
    }
}
