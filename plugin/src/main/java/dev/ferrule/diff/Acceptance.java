package dev.ferrule.diff;

import dev.ferrule.util.MayBeAbsent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One entry of {@code src/main/abi/accepted.json}: a known, intended difference.
 *
 * @param rule    the rule id, for example {@code FN_REMOVED}
 * @param item    the item as reports print it, for example {@code fx_old} or {@code Point.x}; a
 *                trailing {@code *} matches any item with that prefix
 * @param reason  why it is acceptable; required
 * @param until   optional version from which the acceptance no longer applies
 */
@JsonPropertyOrder({"rule", "item", "reason", "until"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Acceptance(String rule, String item, String reason, @MayBeAbsent String until) {

    public boolean matches(AbiChange change) {
        if (!change.rule().name().equals(rule)) {
            return false;
        }
        return item.endsWith("*") ? change.item().startsWith(item.substring(0, item.length() - 1))
                : change.item().equals(item);
    }

    public String describe() {
        return rule + " " + item + (until == null ? "" : " (until " + until + ")");
    }
}
