package dev.ferrule.diff;

/** How much an ABI difference can hurt the code built against the previous version. */
public enum Severity {
    /** Existing callers crash, corrupt memory or fail to link or compile. */
    BREAKING,
    /** Some callers break, depending on how they use the item (for example exhaustive switches). */
    POTENTIALLY_BREAKING,
    /** Nothing built against the previous version notices. */
    COMPATIBLE
}
