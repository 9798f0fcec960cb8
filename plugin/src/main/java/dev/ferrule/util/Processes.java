package dev.ferrule.util;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Runs child processes with an explicit environment, so settings never leak into the JVM's own. */
public final class Processes {

    private Processes() {
    }

    /** What a finished command printed and returned. */
    public record Result(int exitCode, String stdout, String stderr) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    public static Result run(List<String> command, Path workingDir, Map<String, String> env) throws IOException {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        int code = stream(command, workingDir, env, line -> out.append(line).append('\n'),
                line -> err.append(line).append('\n'));
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * Runs a command and hands each line of stdout and stderr to its consumer as it arrives.
     * stderr is drained on its own thread so a chatty child never blocks on a full pipe.
     */
    public static int stream(List<String> command, Path workingDir, Map<String, String> env,
            Consumer<String> stdout, Consumer<String> stderr) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        Thread errPump = new Thread(() -> pump(process.getErrorStream(), stderr), "ferrule-stderr");
        errPump.setDaemon(true);
        errPump.start();
        pump(process.getInputStream(), stdout);
        try {
            int code = process.waitFor();
            errPump.join();
            return code;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + command.get(0), e);
        }
    }

    /**
     * Runs a command with stderr merged into stdout, so lines keep the order the child wrote
     * them in (cargo prints progress on stderr, test results on stdout).
     */
    public static int streamMerged(List<String> command, Path workingDir, Map<String, String> env,
            Consumer<String> lines) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        pump(process.getInputStream(), lines);
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + command.get(0), e);
        }
    }

    private static void pump(InputStream stream, Consumer<String> sink) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                sink.accept(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
