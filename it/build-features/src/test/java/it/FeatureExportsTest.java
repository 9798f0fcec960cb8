package it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrule.runtime.NativeLibrary;
import org.junit.jupiter.api.Test;

class FeatureExportsTest {

    @Test
    void extraExportFollowsTheFeatureFlag() {
        boolean expectExtra = Boolean.parseBoolean(System.getProperty("expect.extra"));
        NativeLibrary library = NativeLibrary.load(FeatureExportsTest.class, "flags");

        assertThat(library.lookup().find("flags_base")).isPresent();
        assertThat(library.lookup().find("flags_extra").isPresent()).isEqualTo(expectExtra);
    }
}
