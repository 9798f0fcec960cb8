package dev.ferrule.rusttest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what {@code cargo test} prints (cargo's stderr and libtest's stdout, merged in order) in
 * libtest's stable "pretty" format. The JSON format needs an unstable flag, so Ferrule does not
 * depend on it.
 *
 * <p>A test binary that dies mid-run (an AddressSanitizer report, an abort) leaves the test it was
 * running without a result line; with {@code --test-threads=1} libtest has already printed that
 * test's name, so the crash is pinned on it, with everything the binary printed after it.
 */
public final class LibtestOutput {

    private static final Pattern RUNNING = Pattern.compile("^\\s*Running (.+?) \\((.+)\\)\\s*$");
    private static final Pattern DOC_TESTS = Pattern.compile("^\\s*Doc-tests (\\S+)\\s*$");
    private static final Pattern RESULT = Pattern.compile("^test (.+?) \\.\\.\\. (ok|FAILED|ignored.*)$");
    private static final Pattern STARTED = Pattern.compile("^test (.+?) \\.\\.\\. (.*)$");
    private static final Pattern OUTPUT_HEADER = Pattern.compile("^---- (.+?) std(out|err) ----$");
    private static final Pattern BINARY = Pattern.compile(".*/([^/]+?)-[0-9a-f]{16}(\\.exe)?$");

    private LibtestOutput() {
    }

    public static List<RustTestCase> parse(List<String> lines) {
        List<RustTestCase> cases = new ArrayList<>();
        String suite = "tests";
        Map<String, RustTestCase.Status> results = new LinkedHashMap<>();
        Map<String, StringBuilder> outputs = new LinkedHashMap<>();
        String running = null;
        StringBuilder afterRunning = new StringBuilder();
        String capturing = null;
        for (String line : lines) {
            Matcher m;
            if ((m = RUNNING.matcher(line)).matches() || (m = DOC_TESTS.matcher(line)).matches()) {
                flush(cases, suite, results, outputs, running, afterRunning);
                suite = suiteName(line, m);
                results = new LinkedHashMap<>();
                outputs = new LinkedHashMap<>();
                running = null;
                afterRunning = new StringBuilder();
                capturing = null;
                continue;
            }
            if ((m = RESULT.matcher(line)).matches()) {
                results.put(m.group(1), status(m.group(2)));
                running = null;
                afterRunning = new StringBuilder();
                capturing = null;
                continue;
            }
            if (line.startsWith("test ") && (m = STARTED.matcher(line)).matches()) {
                // "test name ... " then a crash: the name is all libtest got to print.
                running = m.group(1);
                afterRunning = new StringBuilder(m.group(2)).append('\n');
                continue;
            }
            if ((m = OUTPUT_HEADER.matcher(line)).matches()) {
                capturing = m.group(1);
                outputs.computeIfAbsent(capturing, k -> new StringBuilder());
                continue;
            }
            if (line.equals("failures:") || line.startsWith("test result:")) {
                capturing = null;
                continue;
            }
            if (capturing != null) {
                outputs.get(capturing).append(line).append('\n');
            } else if (running != null) {
                afterRunning.append(line).append('\n');
            }
        }
        flush(cases, suite, results, outputs, running, afterRunning);
        return cases;
    }

    private static void flush(List<RustTestCase> cases, String suite, Map<String, RustTestCase.Status> results,
            Map<String, StringBuilder> outputs, String running, StringBuilder afterRunning) {
        results.forEach((name, status) -> cases.add(new RustTestCase(suite, name, status,
                status == RustTestCase.Status.FAILED && outputs.containsKey(name)
                        ? outputs.get(name).toString().strip() : "")));
        if (running != null && !results.containsKey(running)) {
            cases.add(new RustTestCase(suite, running, RustTestCase.Status.CRASHED, afterRunning.toString().strip()));
        }
    }

    private static RustTestCase.Status status(String word) {
        return switch (word) {
            case "ok" -> RustTestCase.Status.PASSED;
            case "FAILED" -> RustTestCase.Status.FAILED;
            default -> RustTestCase.Status.IGNORED;
        };
    }

    private static String suiteName(String line, Matcher m) {
        if (line.strip().startsWith("Doc-tests")) {
            return m.group(1) + " doc-tests";
        }
        Matcher binary = BINARY.matcher(m.group(2));
        String crate = binary.matches() ? binary.group(1) : m.group(2);
        String what = m.group(1).startsWith("unittests") ? "unittests" : m.group(1);
        return crate + " " + what;
    }
}
