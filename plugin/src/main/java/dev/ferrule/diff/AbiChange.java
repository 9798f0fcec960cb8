package dev.ferrule.diff;

import dev.ferrule.abi.AbiModel.SourceLocation;
import java.util.List;

/**
 * One difference between the committed snapshot and the current ABI.
 *
 * @param item      what changed, for example {@code fx_add} or {@code Point.x}
 * @param message   the specific change, with old and new values
 * @param location  where the item is declared now, or, when {@code gone}, where the snapshot
 *                  says it was declared: that line may no longer exist in today's file
 * @param affects   exported functions that reach a changed type, so a type change names its callers
 * @param gone      the item no longer exists, so its location comes from the snapshot
 */
public record AbiChange(AbiRule rule, String item, String message, SourceLocation location, List<String> affects,
        boolean gone) {

    public AbiChange {
        affects = affects == null ? List.of() : affects.stream().sorted().distinct().toList();
    }

    /** The worse of its two axes. */
    public Severity severity() {
        return rule.severity();
    }

    /** How it affects the C ABI: compiled bindings and C callers. */
    public Compat binary() {
        return rule.binary();
    }

    /** How it affects the generated Java API: code written against it. */
    public Compat source() {
        return rule.source();
    }
}
