package dev.ferrule.runtime.junit;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts a JVM configured like this one (same launcher, options and class path) to run code that
 * may crash, and collects how it ended.
 */
final class ChildJvm {

    /** Set in a child JVM, where isolated tests and probes run for real. */
    static final String CHILD_PROPERTY = "ferrule.crashIsolation.child";

    /**
     * Options of this JVM a child must not repeat: a second debugger on the same port would stop
     * the child from starting, and crash handling is set below.
     */
    private static final List<String> NOT_INHERITED = List.of("-agentlib:jdwp", "-Xrunjdwp", "-Xdebug",
            "-XX:ErrorFile", "-XX:+CreateCoredumpOnCrash", "-D" + CHILD_PROPERTY);

    /** Properties a test may set at run time that the child needs to load the same library the same way. */
    private static final List<String> PASSED_ON = List.of("ferrule.native.dir", "ferrule.allowUnsafeFeatures");

    private ChildJvm() {
    }

    /**
     * How a child JVM ended.
     *
     * @param crashLog the JVM's error report ({@code hs_err_pid<pid>.log}), when it wrote one
     */
    record Exit(int code, String output, Optional<Path> crashLog) {

        /** The last lines of the output, which usually hold the reason a JVM died. */
        String tail() {
            List<String> lines = output.lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        }

        String crashLogText() {
            return crashLog.map(Path::toString).orElse("none written");
        }
    }

    static boolean inChild() {
        return Boolean.getBoolean(CHILD_PROPERTY);
    }

    /** The directory crash reports and scratch files of isolated runs go to. */
    static Path workDirectory() throws IOException {
        Path dir = Path.of(System.getProperty("ferrule.crashDir", "target/ferrule/crash")).toAbsolutePath();
        return Files.createDirectories(dir);
    }

    /** Runs {@code mainClass} with {@code args} in a child JVM and waits for it to end. */
    static Exit run(Class<?> mainClass, List<String> args) throws IOException, InterruptedException {
        Path crashDir = workDirectory();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (NOT_INHERITED.stream().noneMatch(option::startsWith)) {
                command.add(option);
            }
        }
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-XX:ErrorFile=" + crashDir.resolve("hs_err_pid%p.log"));
        // Core dumps of a crash under test only fill the disk; the error report says what happened.
        command.add("-XX:-CreateCoredumpOnCrash");
        for (String property : PASSED_ON) {
            String value = System.getProperty(property);
            if (value != null) {
                command.add("-D" + property + "=" + value);
            }
        }
        command.add("-D" + CHILD_PROPERTY + "=true");
        command.addAll(List.of("-cp", classPath(), mainClass.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = process.waitFor();
        Path log = crashDir.resolve("hs_err_pid" + process.pid() + ".log");
        return new Exit(code, output, Files.isRegularFile(log) ? Optional.of(log) : Optional.empty());
    }

    /**
     * The test class path, plus the JUnit Platform launcher: Surefire keeps the launcher on its own
     * class path, not on {@code java.class.path}.
     */
    private static String classPath() {
        StringBuilder path = new StringBuilder(System.getProperty("java.class.path"));
        try {
            Class<?> launcher = Class.forName("org.junit.platform.launcher.core.LauncherFactory");
            CodeSource source = launcher.getProtectionDomain().getCodeSource();
            if (source != null) {
                path.append(File.pathSeparator).append(Path.of(source.getLocation().toURI()));
            }
        } catch (ClassNotFoundException | URISyntaxException e) {
            // Probes need no launcher; an isolated test would report the missing class.
        }
        return path.toString();
    }
}
