package dev.ferrule.runtime.junit;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Runs a probe that may crash the JVM (a native call that a buggy library could turn into a
 * SIGSEGV or an abort) in a child JVM, so that a crash becomes a failed test naming the probe and
 * the JVM's crash log, and the test run goes on.
 *
 * <p>A probe is a static, no-argument method returning the call's {@code int} status. The child
 * runs it through {@link #main} and prints the status; the parent reads it.
 */
public final class CrashIsolation {

    private static final String MARKER = "ferrule-probe-status=";

    /** The child's exit code when the probe threw, which is not a crash. */
    private static final int THREW = 3;

    private CrashIsolation() {
    }

    /**
     * What the child JVM did.
     *
     * @param status   the probe's status, when the child lived to print it
     * @param crashLog the JVM's error report ({@code hs_err_pid<pid>.log}), when it crashed
     */
    public record Outcome(int exitCode, Optional<Integer> status, String output, Optional<Path> crashLog) {
        public boolean crashed() {
            return status.isEmpty();
        }
    }

    /** Runs {@code owner.probe()} in a fresh JVM with the same class path. */
    public static Outcome run(Class<?> owner, String probe) throws IOException, InterruptedException {
        return outcome(runProbe(owner, probe));
    }

    private static ChildJvm.Exit runProbe(Class<?> owner, String probe) throws IOException, InterruptedException {
        return ChildJvm.run(CrashIsolation.class, List.of(owner.getName(), probe));
    }

    private static Outcome outcome(ChildJvm.Exit exit) {
        Optional<Integer> status = exit.output().lines().filter(l -> l.startsWith(MARKER))
                .map(l -> Integer.parseInt(l.substring(MARKER.length()).strip())).findFirst();
        return new Outcome(exit.code(), exit.code() == 0 ? status : Optional.empty(), exit.output(), exit.crashLog());
    }

    /**
     * Runs the probe in a child JVM and requires that it returned {@code expected}; a crash fails
     * with the probe's name, the exit code, the crash log and the child's last output.
     */
    public static void assertStatus(Class<?> owner, String probe, int expected, String what)
            throws IOException, InterruptedException {
        ChildJvm.Exit exit = runProbe(owner, probe);
        Outcome outcome = outcome(exit);
        if (outcome.exitCode() == THREW) {
            throw new AssertionError(owner.getSimpleName() + "." + probe + " threw instead of returning a status for "
                    + what + ":\n" + outcome.output());
        }
        if (outcome.crashed()) {
            throw new AssertionError(owner.getSimpleName() + "." + probe + " crashed the JVM (exit code "
                    + exit.code() + ") instead of refusing " + what + ". Crash log: " + exit.crashLogText()
                    + "\nLast output:\n" + exit.tail());
        }
        if (outcome.status().orElseThrow() != expected) {
            throw new AssertionError(owner.getSimpleName() + "." + probe + " returned status "
                    + outcome.status().get() + " for " + what + "; expected " + expected);
        }
    }

    /** The child side: runs {@code args[0].args[1]()} and prints its status. */
    public static void main(String[] args) throws ReflectiveOperationException {
        Method probe = Class.forName(args[0]).getDeclaredMethod(args[1]);
        probe.setAccessible(true);
        try {
            int status = (int) probe.invoke(null);
            System.out.println(MARKER + status);
        } catch (InvocationTargetException e) {
            e.getCause().printStackTrace();
            System.exit(THREW);
        }
    }
}
