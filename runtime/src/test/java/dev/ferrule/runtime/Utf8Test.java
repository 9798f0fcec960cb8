package dev.ferrule.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {

    @Test
    void textWithPairedSurrogatesIsEncodedAsUtf8() {
        String text = "Zoë \uD83D\uDE00";
        assertThat(Utf8.encode(text, "name")).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aLoneSurrogateIsRefusedNotSentAsAQuestionMark() {
        assertThatThrownBy(() -> Utf8.encode("ab\uD800", "name")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name holds a lone surrogate U+D800 at index 2");
        assertThatThrownBy(() -> Utf8.encode("\uDC00x", "key")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key holds a lone surrogate U+DC00 at index 0");
    }
}
