package dev.ferrule.examples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
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
}
