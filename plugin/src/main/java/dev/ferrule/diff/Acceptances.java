package dev.ferrule.diff;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ferrule.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads {@code src/main/abi/accepted.json}, the committed list of intended differences, as revapi
 * does with its acceptance files. Every entry needs a reason; an unknown rule id is an error.
 */
public final class Acceptances {

    /** The file's shape. */
    @JsonPropertyOrder({"acceptances"})
    public record File(List<Acceptance> acceptances) {
    }

    private Acceptances() {
    }

    public static List<Acceptance> read(Path file) throws CheckException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        File parsed;
        try {
            parsed = Json.mapper().readValue(file.toFile(), File.class);
        } catch (IOException e) {
            throw new CheckException(file + " is not valid" + Json.where(e) + ": " + Json.problem(e)
                    + ". Expected {\"acceptances\": [{\"rule\": \"FN_REMOVED\", \"item\": \"fx_old\","
                    + " \"reason\": \"...\"}]}.", e);
        }
        List<Acceptance> acceptances = parsed == null || parsed.acceptances() == null ? List.of()
                : parsed.acceptances();
        Set<String> rules = Arrays.stream(AbiRule.values()).map(Enum::name).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < acceptances.size(); i++) {
            Acceptance a = acceptances.get(i);
            String where = file.getFileName() + " entry " + (i + 1);
            if (a == null) {
                problems.add(where + ": null instead of an entry {\"rule\": ..., \"item\": ..., \"reason\": ...}");
                continue;
            }
            if (a.rule() == null || !rules.contains(a.rule())) {
                problems.add(where + ": unknown rule '" + a.rule() + "' (see the check-abi rule reference)");
            }
            if (a.item() == null || a.item().isBlank()) {
                problems.add(where + ": no item");
            }
            if (a.reason() == null || a.reason().isBlank()) {
                problems.add(where + " (" + a.rule() + " " + a.item() + "): no reason. Write down why the change"
                        + " is acceptable; an acceptance without a reason is not accepted.");
            }
        }
        if (!problems.isEmpty()) {
            throw new CheckException(file + " has entries check-abi cannot use:\n" + String.join("\n", problems));
        }
        return List.copyOf(acceptances);
    }
}
