package dev.ferrule.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import dev.ferrule.util.Json;
import dev.ferrule.util.MayBeAbsent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.codehaus.plexus.util.SelectorUtils;

/**
 * Decisions to accept a finding, each with its reason: inline, as a comment on or just above the
 * line the finding points at,
 *
 * <pre>{@code // ferrule-audit: allow(RAW_POINTER_UNCHECKED) the length is always 0 for null}</pre>
 *
 * (a {@code #} comment in Cargo.toml), or in a suppressions file for findings that have no line
 * of their own, such as those in Cargo.lock:
 *
 * <pre>{@code {"suppressions": [{"rule": "GIT_DEPENDENCY", "item": "forked-*", "reason": "..."}]}}</pre>
 *
 * A suppression without a reason is not applied and is itself a finding; one that matches
 * nothing is reported so it does not linger.
 */
public final class Suppressions {

    private static final Pattern MARKER = Pattern.compile("ferrule-audit:\\s*allow\\(([^)]*)\\)(.*)");

    /** One entry of the suppressions file; {@code item} and {@code file} are globs, absent for any. */
    @JsonPropertyOrder({"rule", "item", "file", "reason"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String rule, @MayBeAbsent String item, @MayBeAbsent String file, @MayBeAbsent String reason) {
    }

    /** The suppressions file. */
    public record FileFormat(List<Entry> suppressions) {
    }

    /** A finding and, when suppressed, why and by which suppression. */
    public record Audited(AuditFinding finding, String suppressedBecause, String suppressedBy) {
        public boolean suppressed() {
            return suppressedBecause != null;
        }
    }

    /** One suppression from either source; {@code line} is where a marker targets, 0 for file entries. */
    private record Suppression(Set<AuditRule> rules, String itemGlob, String fileGlob, int line, String reason,
            String origin, String originFile, int originLine) {

        boolean matches(AuditFinding finding) {
            if (!rules.contains(finding.rule())) {
                return false;
            }
            if (line > 0) {
                return fileGlob.equals(finding.file()) && finding.line() == line;
            }
            return (itemGlob == null || SelectorUtils.match(itemGlob, finding.item(), true))
                    && (fileGlob == null || finding.file() != null && SelectorUtils.match(fileGlob, finding.file()));
        }
    }

    private final List<Suppression> suppressions;

    private Suppressions(List<Suppression> suppressions) {
        this.suppressions = suppressions;
    }

    /**
     * @param file      the suppressions file, or a path that does not exist for none
     * @param shownFile how findings about the file name it
     */
    public static Suppressions load(Path file, String shownFile, CrateSources sources, List<String> tomlFiles)
            throws AuditException {
        List<Suppression> all = new ArrayList<>();
        for (RustSource source : sources.files()) {
            for (RustSource.Comment comment : source.comments()) {
                Matcher marker = MARKER.matcher(comment.text());
                if (marker.find()) {
                    all.add(inline(marker, source.path(), comment.line(), targetLine(source, comment.line())));
                }
            }
        }
        for (String toml : tomlFiles) {
            Path path = sources.crateDir().resolve(toml);
            if (!Files.isRegularFile(path)) {
                continue;
            }
            List<String> lines = readLines(path);
            for (int i = 0; i < lines.size(); i++) {
                int hash = lines.get(i).indexOf('#');
                Matcher marker = hash < 0 ? null : MARKER.matcher(lines.get(i).substring(hash));
                if (marker != null && marker.find()) {
                    boolean trailing = !lines.get(i).substring(0, hash).isBlank();
                    all.add(inline(marker, toml, i + 1, trailing ? i + 1 : i + 2));
                }
            }
        }
        if (file != null && Files.isRegularFile(file)) {
            FileFormat format;
            try {
                format = Json.mapper().copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                        .readValue(file.toFile(), FileFormat.class);
            } catch (IOException e) {
                throw new AuditException("Cannot read the audit suppressions " + file + Json.where(e) + ": "
                        + Json.problem(e)
                        + "\nExpected {\"suppressions\": [{\"rule\": \"RULE_ID\", \"item\": \"glob\", \"reason\":"
                        + " \"why\"}]}.", e);
            }
            List<Entry> entries = format == null || format.suppressions() == null ? List.of() : format.suppressions();
            for (int i = 0; i < entries.size(); i++) {
                Entry entry = entries.get(i);
                String origin = shownFile + " entry " + (i + 1);
                if (entry == null || entry.rule() == null) {
                    throw new AuditException("The suppression " + origin + " has no rule. Each entry needs one:"
                            + " {\"rule\": \"RULE_ID\", \"item\": \"glob\", \"reason\": \"why\"}.");
                }
                all.add(new Suppression(Set.of(rule(entry.rule(), origin)), entry.item(), entry.file(), 0,
                        blankToNull(entry.reason()), origin, shownFile, 0));
            }
        }
        return new Suppressions(List.copyOf(all));
    }

    private static Suppression inline(Matcher marker, String file, int markerLine, int targetLine)
            throws AuditException {
        String origin = file + ":" + markerLine;
        Set<AuditRule> rules = new LinkedHashSet<>();
        for (String id : marker.group(1).split(",")) {
            rules.add(rule(id.strip(), origin));
        }
        String reason = marker.group(2).strip().replaceFirst("^[-:\u2014]+", "").strip();
        return new Suppression(Set.copyOf(rules), null, file, targetLine, blankToNull(reason), origin, file,
                markerLine);
    }

    private static AuditRule rule(String id, String origin) throws AuditException {
        try {
            return AuditRule.valueOf(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new AuditException("The suppression at " + origin + " names rule '" + id + "', which does not"
                    + " exist. Rules: " + Arrays.stream(AuditRule.values()).map(Enum::name).toList(), e);
        }
    }

    /** The line a marker speaks for: its own if it shares it with code, else the next code line after attributes. */
    private static int targetLine(RustSource source, int markerLine) {
        int i = source.firstIndexOnOrAfter(markerLine);
        if (i < source.size() && source.token(i).line() == markerLine) {
            return markerLine;
        }
        while (i < source.size()) {
            if (source.matches(i, "#", "[")) {
                i = source.matching(i + 1) + 1;
            } else if (source.matches(i, "#", "!", "[")) {
                i = source.matching(i + 2) + 1;
            } else {
                return source.token(i).line();
            }
        }
        return markerLine + 1;
    }

    /** Marks each finding suppressed or not, and adds the findings about the suppressions themselves. */
    public List<Audited> apply(List<AuditFinding> findings) {
        List<Audited> out = new ArrayList<>();
        boolean[] used = new boolean[suppressions.size()];
        for (AuditFinding finding : findings) {
            Audited audited = new Audited(finding, null, null);
            for (int i = 0; i < suppressions.size(); i++) {
                Suppression suppression = suppressions.get(i);
                if (suppression.matches(finding)) {
                    used[i] = true;
                    if (suppression.reason() != null && !audited.suppressed()) {
                        audited = new Audited(finding, suppression.reason(), suppression.origin());
                    }
                }
            }
            out.add(audited);
        }
        for (int i = 0; i < suppressions.size(); i++) {
            Suppression suppression = suppressions.get(i);
            String rules = suppression.rules().stream().map(Enum::name).sorted().toList().toString();
            if (suppression.reason() == null) {
                out.add(new Audited(new AuditFinding(AuditRule.SUPPRESSION_WITHOUT_REASON, suppression.origin(),
                        AuditRule.SUPPRESSION_WITHOUT_REASON.message("rules", rules),
                        suppression.originFile(), suppression.originLine()), null, null));
            } else if (!used[i]) {
                out.add(new Audited(new AuditFinding(AuditRule.UNUSED_SUPPRESSION, suppression.origin(),
                        AuditRule.UNUSED_SUPPRESSION.message("rules", rules), suppression.originFile(),
                        suppression.originLine()), null, null));
            }
        }
        return out;
    }

    private static List<String> readLines(Path path) throws AuditException {
        try {
            return Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AuditException("Could not read " + path + ": " + e.getMessage(), e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
