package dev.ferrule.runtime.junit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opentest4j.TestAbortedException;

/**
 * Tests run in one child JVM, as seen from the parent: what each test did there, and whether the
 * JVM died on the way.
 */
final class IsolatedRun {

    private record Finished(String status, String detail) {
    }

    private final ChildJvm.Exit exit;
    private final Set<String> started;
    private final Map<String, Finished> finished;
    private final Map<String, String> skipped;

    private IsolatedRun(ChildJvm.Exit exit, Set<String> started, Map<String, Finished> finished,
            Map<String, String> skipped) {
        this.exit = exit;
        this.started = started;
        this.finished = finished;
        this.skipped = skipped;
    }

    /** Runs the tests or containers with these unique IDs in a child JVM. */
    static IsolatedRun of(List<String> uniqueIds) throws IOException, InterruptedException {
        Path events = Files.createTempFile(ChildJvm.workDirectory(), "isolated-run-", ".events");
        try {
            List<String> args = new ArrayList<>();
            args.add(events.toString());
            args.addAll(uniqueIds);
            ChildJvm.Exit exit = ChildJvm.run(ChildTestRunner.class, args);
            Set<String> started = new HashSet<>();
            Map<String, Finished> finished = new HashMap<>();
            Map<String, String> skipped = new HashMap<>();
            for (String line : Files.readAllLines(events, StandardCharsets.UTF_8)) {
                String[] fields = line.split("\t", -1);
                // A line cut short by the crash is not an event.
                if (fields.length != 4) {
                    continue;
                }
                String detail = new String(Base64.getDecoder().decode(fields[3]), StandardCharsets.UTF_8);
                switch (ChildTestRunner.Event.valueOf(fields[0])) {
                    case STARTED -> started.add(fields[1]);
                    case FINISHED -> finished.put(fields[1], new Finished(fields[2], detail));
                    case SKIPPED -> skipped.put(fields[1], detail);
                }
            }
            return new IsolatedRun(exit, started, finished, skipped);
        } finally {
            Files.deleteIfExists(events);
        }
    }

    /** What the tests printed in the child, for the parent's own output. */
    String output() {
        return exit.output().replace(ChildTestRunner.DONE + System.lineSeparator(), "");
    }

    /** The child ended before every selected test had run: a crash, an abort or a System.exit. */
    boolean died() {
        return !exit.output().contains(ChildTestRunner.DONE) || exit.code() != 0;
    }

    /** Whether the child never got to this test, because it died first. */
    boolean neverReached(String uniqueId) {
        return died() && !started.contains(uniqueId) && !skipped.containsKey(uniqueId);
    }

    /**
     * Replays the child's verdict on one test in the parent: returns when it passed, and throws
     * what makes the parent report the same failure, abort or crash.
     *
     * @param name the test's name for messages
     */
    void replay(String uniqueId, String name) {
        Finished result = finished.get(uniqueId);
        if (result != null) {
            switch (result.status()) {
                case "SUCCESSFUL" -> {
                    return;
                }
                case "ABORTED" -> throw new TestAbortedException(name + " was aborted in its child JVM:\n"
                        + result.detail());
                default -> throw new AssertionError(name + " failed in its child JVM:\n" + result.detail());
            }
        }
        if (skipped.containsKey(uniqueId)) {
            throw new TestAbortedException(name + " was skipped in its child JVM: " + skipped.get(uniqueId));
        }
        if (started.contains(uniqueId)) {
            throw new AssertionError(name + " crashed its child JVM (exit code " + exit.code() + "). Crash log: "
                    + exit.crashLogText() + "\nLast output:\n" + exit.tail());
        }
        Optional<Map.Entry<String, Finished>> failedContainer = finished.entrySet().stream()
                .filter(e -> uniqueId.startsWith(e.getKey() + "/") && !e.getValue().status().equals("SUCCESSFUL"))
                .findFirst();
        if (failedContainer.isPresent()) {
            throw new AssertionError(name + " did not run in its child JVM: its class failed first:\n"
                    + failedContainer.get().getValue().detail());
        }
        throw new AssertionError(name + " did not run in its child JVM (exit code " + exit.code() + ")."
                + " Crash log: " + exit.crashLogText() + "\nLast output:\n" + exit.tail());
    }
}
