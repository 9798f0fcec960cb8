package dev.ferrule.abi.rustdoc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * rustdoc JSON format versions 46 to 53 (Rust 1.87 to 1.89 era). Everything this reader uses has
 * the same shape as in version 57 except {@code attrs}, which are strings in source form:
 * {@code "#[no_mangle]"}, {@code "#[export_name = \"x\"]"}, {@code "#[repr(C, packed(1))]"}.
 * From 46 on, {@code repr} is always listed; before 46 it was not, so older versions are refused.
 */
final class RustdocV53Adapter extends RustdocV57Adapter {

    private static final Pattern EXPORT_NAME = Pattern.compile("^#\\[(?:unsafe\\()?export_name\\s*=\\s*\"(.*)\"\\)?\\]$");
    private static final Pattern REPR = Pattern.compile("^#\\[repr\\((.*)\\)\\]$");
    private static final Pattern NO_MANGLE = Pattern.compile("^#\\[(?:unsafe\\()?no_mangle\\)?\\]$");

    @Override
    public int minVersion() {
        return 46;
    }

    @Override
    public int maxVersion() {
        return 53;
    }

    @Override
    Attributes attributes(JsonNode attrs) {
        String exportName = null;
        boolean noMangle = false;
        String repr = null;
        String cfg = null;
        for (JsonNode attr : attrs) {
            String text = attr.asText().strip();
            Matcher export = EXPORT_NAME.matcher(text);
            Matcher representation = REPR.matcher(text);
            if (NO_MANGLE.matcher(text).matches()) {
                noMangle = true;
            } else if (export.matches()) {
                exportName = export.group(1);
            } else if (representation.matches()) {
                repr = normaliseRepr(representation.group(1));
            } else {
                String parsed = cfg(text);
                cfg = parsed != null ? parsed : cfg;
            }
        }
        return new Attributes(exportName, noMangle, repr, cfg);
    }

    /** Spells a repr the way the structured reader does: {@code C}, then the int, packed, align. */
    private static String normaliseRepr(String inner) {
        return inner.replaceAll("\\s+", " ").strip();
    }
}
