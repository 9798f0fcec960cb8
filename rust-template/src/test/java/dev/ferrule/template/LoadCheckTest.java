package dev.ferrule.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferrule.runtime.AbiMismatchException;
import dev.ferrule.runtime.LibraryIdentity;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The load-time check that the generated class runs, against the real library: it accepts the
 * library it was generated from and refuses one that reports another fingerprint or feature set.
 */
class LoadCheckTest {

    @Test
    void theLibraryReportsWhatTheBindingsWereGeneratedFrom() {
        LibraryIdentity.BuildInfo info = LibraryIdentity.verify(EveryExportCalledTest.library(), "template",
                TemplateNative.LIBRARY, TemplateNative.class.getName(), TemplateNative.ABI_FINGERPRINT,
                TemplateNative.FEATURES);
        assertThat(info.abiFingerprint()).startsWith("sha256:").hasSize("sha256:".length() + 64);
        assertThat(info.profile()).isEqualTo("release");
        assertThat(info.unsafeFeatures()).isEmpty();
    }

    @Test
    void aFingerprintMismatchIsRefusedWithBothValuesAndTheFix() {
        String older = "sha256:" + "0".repeat(64);
        assertThatThrownBy(() -> LibraryIdentity.verify(EveryExportCalledTest.library(), "template",
                TemplateNative.LIBRARY, "com.example.OlderTemplateNative", older, TemplateNative.FEATURES))
                .isInstanceOf(AbiMismatchException.class)
                .hasMessageContaining(TemplateNative.ABI_FINGERPRINT)
                .hasMessageContaining(older)
                .hasMessageContaining("com.example.OlderTemplateNative")
                .hasMessageContaining("Fix: regenerate the bindings");
    }

    @Test
    void aFeatureMismatchIsRefused() {
        assertThatThrownBy(() -> LibraryIdentity.verify(EveryExportCalledTest.library(), "template",
                TemplateNative.LIBRARY, TemplateNative.class.getName(), TemplateNative.ABI_FINGERPRINT,
                List.of("default", "unsafe-raw-handles")))
                .isInstanceOf(AbiMismatchException.class)
                .hasMessageContaining("was built with features [default]")
                .hasMessageContaining("[default, unsafe-raw-handles]");
    }
}
