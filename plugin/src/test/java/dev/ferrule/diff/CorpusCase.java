package dev.ferrule.diff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One case of a before/after corpus: a folder named after the rule it shows, holding
 * {@code before.rs}, {@code after.rs} and {@code expected}, whose lines are the findings the diff
 * must report ({@code RULE item}) and the rules it must not ({@code -RULE}).
 *
 * @param expected   {@code RULE item} lines
 * @param forbidden  rule names
 */
record CorpusCase(String name, Path dir, Set<String> expected, Set<String> forbidden) {

    /** The cases of a corpus, by name. */
    static List<CorpusCase> in(Path cases) {
        try (Stream<Path> dirs = Files.list(cases)) {
            return dirs.filter(Files::isDirectory).sorted().map(CorpusCase::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CorpusCase read(Path dir) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("expected")).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
            return new CorpusCase(dir.getFileName().toString(), dir,
                    lines.stream().filter(l -> !l.startsWith("-")).collect(Collectors.toCollection(TreeSet::new)),
                    lines.stream().filter(l -> l.startsWith("-")).map(l -> l.substring(1))
                            .collect(Collectors.toCollection(TreeSet::new)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cargo feature that swaps in the case's after.rs. */
    String feature() {
        return "after_" + name.toLowerCase(Locale.ROOT).replace('-', '_');
    }

    /** The rules the case must report. */
    Set<String> positiveRules() {
        return expected.stream().map(l -> l.substring(0, l.indexOf(' '))).collect(Collectors.toSet());
    }

    /** Whether the case is named after a rule (upper case), not after what it shows. */
    boolean namedAfterARule() {
        return name.equals(name.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return name;
    }

    /** The findings of a diff as {@code RULE item} lines. */
    static Set<String> lines(List<AbiChange> changes) {
        return changes.stream().map(c -> c.rule().name() + " " + c.item())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
