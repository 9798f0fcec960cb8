package dev.ferrule.diff;

import dev.ferrule.abi.AbiModel.SourceLocation;
import java.util.List;

/**
 * One difference between the committed snapshot and the current ABI.
 *
 * @param item      what changed, for example {@code fx_add} or {@code Point.x}
 * @param message   the specific change, with old and new values
 * @param location  where the item is declared now (or was, if it was removed)
 * @param affects   exported functions that reach a changed type, so a type change names its callers
 */
public record AbiChange(AbiRule rule, String item, String message, SourceLocation location, List<String> affects) {

    public AbiChange {
        affects = affects == null ? List.of() : affects.stream().sorted().distinct().toList();
    }

    public Severity severity() {
        return rule.severity();
    }
}
