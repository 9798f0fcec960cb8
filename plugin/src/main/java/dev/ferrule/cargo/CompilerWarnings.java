package dev.ferrule.cargo;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * rustc's warnings during one cargo run, summarised: a real crate can print hundreds, which
 * bury what Ferrule itself says. The first few are shown with their file and line, the rest
 * are counted per lint; {@link BuildLog#allWarnings()} shows every one in full instead.
 * Errors never pass through here.
 */
final class CompilerWarnings {

    /** How many warnings are shown (headline with file:line) before the rest are only counted. */
    static final int SHOWN = 5;

    private final BuildLog log;
    private final Map<String, Integer> perLint = new TreeMap<>();
    private int count;

    CompilerWarnings(BuildLog log) {
        this.log = log;
    }

    void add(CargoMessage.Diagnostic warning, String headline, String fullText) {
        count++;
        perLint.merge(warning.code().isEmpty() ? "(no lint name)" : warning.code(), 1, Integer::sum);
        if (log.allWarnings()) {
            log.warn(fullText);
        } else if (count <= SHOWN) {
            log.warn(headline);
        } else {
            log.debug(fullText);
        }
    }

    /** The closing line, or nothing when there were no warnings. */
    void summarise() {
        if (count == 0) {
            return;
        }
        String lints = perLint.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
        if (log.allWarnings()) {
            log.warn("rustc reported " + count + " warning(s): " + lints + ".");
        } else if (count <= SHOWN) {
            log.warn("rustc reported " + count + " warning(s), shown above: " + lints + ".");
        } else {
            log.warn("rustc reported " + count + " warning(s): " + lints + ". The first " + SHOWN
                    + " are shown above; see every one in full with -Dferrule.warnings=all (or mvn -X).");
        }
    }
}
