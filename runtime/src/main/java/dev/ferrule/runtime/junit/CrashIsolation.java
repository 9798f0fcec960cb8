package dev.ferrule.runtime.junit;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /** Properties the child needs to load the same library the same way. */
    private static final List<String> PASSED_ON = List.of("ferrule.native.dir", "ferrule.allowUnsafeFeatures");

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

    /** Set in a child JVM, where a {@link CrashIsolated} test runs for real. */
    static final String CHILD_PROPERTY = "ferrule.crashIsolation.child";

    private static final String TEST_PASSED = "ferrule-test-passed";
    private static final String TEST_FAILED = "ferrule-test-failed";

    static boolean inChild() {
        return Boolean.getBoolean(CHILD_PROPERTY);
    }

    /** Runs {@code owner.probe()} in a fresh JVM with the same class path. */
    public static Outcome run(Class<?> owner, String probe) throws IOException, InterruptedException {
        return runChild(List.of(owner.getName(), probe));
    }

    /**
     * Runs one test method in a child JVM through the JUnit Platform launcher; its failure is
     * rethrown here, and a crash becomes a failure naming the test and the crash log.
     */
    static void runTest(Class<?> testClass, Method method) throws IOException, InterruptedException {
        Outcome outcome = runChild(List.of("--test", testClass.getName(), method.getName()));
        String name = testClass.getSimpleName() + "." + method.getName();
        if (outcome.output().contains(TEST_PASSED) && outcome.exitCode() == 0) {
            return;
        }
        int marker = outcome.output().indexOf(TEST_FAILED);
        if (marker >= 0) {
            throw new AssertionError(name + " failed in its child JVM:\n"
                    + outcome.output().substring(marker + TEST_FAILED.length()).strip());
        }
        throw new AssertionError(name + " crashed its child JVM (exit code " + outcome.exitCode() + "). Crash log: "
                + outcome.crashLog().map(Path::toString).orElse("none written") + "\nLast output:\n"
                + tail(outcome.output()));
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    private static Outcome runChild(List<String> childArgs) throws IOException, InterruptedException {
        Path crashDir = Path.of(System.getProperty("ferrule.crashDir", "target/ferrule/crash")).toAbsolutePath();
        Files.createDirectories(crashDir);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin",
                "java").toString()));
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-XX:ErrorFile=" + crashDir.resolve("hs_err_pid%p.log"));
        // Core dumps of a planted crash only fill the disk.
        command.add("-XX:-CreateCoredumpOnCrash");
        for (String property : PASSED_ON) {
            String value = System.getProperty(property);
            if (value != null) {
                command.add("-D" + property + "=" + value);
            }
        }
        command.add("-D" + CHILD_PROPERTY + "=true");
        command.addAll(List.of("-cp", childClassPath(), CrashIsolation.class.getName()));
        command.addAll(childArgs);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        Optional<Integer> status = output.lines().filter(l -> l.startsWith(MARKER))
                .map(l -> Integer.parseInt(l.substring(MARKER.length()).strip())).findFirst();
        Path log = crashDir.resolve("hs_err_pid" + process.pid() + ".log");
        return new Outcome(exit, exit == 0 ? status : Optional.empty(), output,
                Files.isRegularFile(log) ? Optional.of(log) : Optional.empty());
    }

    /**
     * Runs the probe in a child JVM and requires that it returned {@code expected}; a crash fails
     * with the probe's name, the exit code, the crash log and the child's last output.
     */
    public static void assertStatus(Class<?> owner, String probe, int expected, String what)
            throws IOException, InterruptedException {
        Outcome outcome = run(owner, probe);
        if (outcome.exitCode() == THREW) {
            throw new AssertionError(owner.getSimpleName() + "." + probe + " threw instead of returning a status for "
                    + what + ":\n" + outcome.output());
        }
        if (outcome.crashed()) {
            String tail = tail(outcome.output());
            throw new AssertionError(owner.getSimpleName() + "." + probe + " crashed the JVM (exit code "
                    + outcome.exitCode() + ") instead of refusing " + what + ". Crash log: "
                    + outcome.crashLog().map(Path::toString).orElse("none written") + "\nLast output:\n" + tail);
        }
        if (outcome.status().orElseThrow() != expected) {
            throw new AssertionError(owner.getSimpleName() + "." + probe + " returned status "
                    + outcome.status().get() + " for " + what + "; expected " + expected);
        }
    }

    /**
     * The test class path, plus the JUnit Platform launcher: Surefire keeps the launcher on its own
     * class path, not on {@code java.class.path}.
     */
    private static String childClassPath() {
        StringBuilder path = new StringBuilder(System.getProperty("java.class.path"));
        try {
            Class<?> launcher = Class.forName("org.junit.platform.launcher.core.LauncherFactory");
            java.security.CodeSource source = launcher.getProtectionDomain().getCodeSource();
            if (source != null) {
                path.append(java.io.File.pathSeparator).append(Path.of(source.getLocation().toURI()));
            }
        } catch (ClassNotFoundException | java.net.URISyntaxException e) {
            // Probes need no launcher; a CrashIsolated test would report the missing class.
        }
        return path.toString();
    }

    /**
     * The child side: runs {@code args[0].args[1]()} and prints its status, or with
     * {@code --test class method} runs that test method and prints whether it passed.
     */
    public static void main(String[] args) throws ReflectiveOperationException {
        if (args[0].equals("--test")) {
            System.exit(ChildTestRunner.run(args[1], args[2], TEST_PASSED, TEST_FAILED));
        }
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
