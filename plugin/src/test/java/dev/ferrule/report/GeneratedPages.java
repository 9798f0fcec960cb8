package dev.ferrule.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Site pages generated from the rulebooks: the committed page must equal what the code renders,
 * and {@code -Dferrule.updateGolden=true} rewrites it.
 */
public final class GeneratedPages {

    private GeneratedPages() {
    }

    /** Rule texts mention types such as Option<&T>; Markdown would pass them on as HTML tags. */
    public static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    public static void assertUpToDate(Path page, String rendered) throws IOException {
        if (Boolean.getBoolean("ferrule.updateGolden")) {
            Files.writeString(page, rendered, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(page)).as("%s is out of date; regenerate it with -Dferrule.updateGolden=true",
                page).isEqualTo(rendered);
    }
}
