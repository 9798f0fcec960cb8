package it.risky;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The library was built with unsafe-fast. Each case runs the bindings in a fresh JVM, because a
 * refused load fails the generated class's initialisation for the rest of that JVM.
 */
class UnsafeFeatureAtLoadTest {

    @Test
    void refusedUnlessAllowed() throws Exception {
        Result refused = run(List.of());
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("UnsafeFeatureException")
                .contains("[unsafe-fast]")
                .contains("-Dferrule.allowUnsafeFeatures=unsafe-fast");
    }

    @Test
    void allowedOnPurposeWithAWarning() throws Exception {
        Result allowed = run(List.of("-Dferrule.allowUnsafeFeatures=unsafe-fast"));
        assertThat(allowed.output()).contains("answer=43").contains("WARNING")
                .contains("runs with the risky feature(s) [unsafe-fast]");
        assertThat(allowed.exitCode()).isZero();
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED"));
        command.addAll(options);
        command.add("-Dferrule.native.dir=" + System.getProperty("ferrule.native.dir"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }
}
