package dev.ferrule.gen;

/** Rust documentation made safe to put in a Javadoc comment. */
final class Javadocs {

    private Javadocs() {
    }

    /** Text that cannot end the comment ({@code *}{@code /}) or start a block tag ({@code @}). */
    static String escape(String text) {
        return text.replace("*/", "*&#47;").replace("@", "&#64;");
    }

    /** The Rust docs, then {@code fallback} as a paragraph of its own; only {@code fallback} when there are none. */
    static String withRustDocs(String rustDocs, String fallback) {
        return rustDocs == null || rustDocs.isBlank() ? fallback : escape(rustDocs.strip()) + "\n\n<p>" + fallback;
    }

    /** The Rust docs as an opening paragraph, or nothing. */
    static String leading(String rustDocs) {
        return rustDocs == null || rustDocs.isBlank() ? "" : escape(rustDocs.strip()) + "\n\n";
    }

    /**
     * A method's Rust docs as the opening paragraph of its safe wrapper's Javadoc, without their
     * "# Safety" duties: those are what the wrapper discharges, so they do not apply to its caller.
     */
    static String withoutSafetyDuties(String rustDocs) {
        String docs = rustDocs == null ? "" : rustDocs.strip();
        int safety = docs.indexOf("# Safety");
        if (safety >= 0) {
            docs = docs.substring(0, safety).strip();
        }
        return docs.isEmpty() ? "" : escape(docs) + "\n\n";
    }
}
