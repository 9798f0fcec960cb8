package dev.ferrule.examples.hello;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** Runs after {@code package}: the library must come out of the built jar. */
class HelloIT {

    @Test
    void callsRustThroughThePackagedJar() {
        URL resource = Hello.class.getClassLoader().getResource("META-INF/native/linux-x86_64/libhello.so");

        assertThat(resource).isNotNull();
        assertThat(resource.getProtocol()).isEqualTo("jar");
        assertThat(resource.getPath()).contains("hello-0.1.0-SNAPSHOT.jar!");
        assertThat(Hello.add(2, 3)).isEqualTo(5);
        assertThat(Hello.countVowels("Ferrule over FFM")).isEqualTo(5);
    }

    @Test
    void jarGrantsNativeAccess() throws IOException {
        try (JarFile jar = new JarFile(packagedJar().toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Enable-Native-Access")).isEqualTo("ALL-UNNAMED");
        }
    }

    @Test
    void testsRunWithIllegalNativeAccessDenied() {
        assumeTrue(Runtime.version().feature() >= 24, "--illegal-native-access exists from JDK 24");
        assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments())
                .contains("--enable-native-access=ALL-UNNAMED", "--illegal-native-access=deny");
    }

    @Test
    void withoutTheGrantDenyRefusesTheBindings() throws Exception {
        assumeTrue(Runtime.version().feature() >= 24, "--illegal-native-access exists from JDK 24");
        Result denied = runProbe(List.of("--illegal-native-access=deny"));
        assertThat(denied.exitCode()).isNotZero();
        assertThat(denied.output()).contains("IllegalCallerException");

        Result granted = runProbe(List.of("--illegal-native-access=deny", "--enable-native-access=ALL-UNNAMED"));
        assertThat(granted.output()).contains("2 + 3 = 5");
        assertThat(granted.exitCode()).isZero();
    }

    private record Result(int exitCode, String output) {
    }

    private static Result runProbe(List<String> options) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new java.util.ArrayList<>(List.of(java));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), NativeAccessProbe.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    private static Path packagedJar() {
        return List.of(System.getProperty("java.class.path").split(File.pathSeparator)).stream()
                .map(Path::of)
                .filter(p -> p.getFileName().toString().startsWith("hello-") && p.toString().endsWith(".jar"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the packaged jar is not on the class path"));
    }
}
