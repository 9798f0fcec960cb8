package dev.ferrule.bind;

import java.util.List;

/**
 * The binding model cannot be built, because nothing decides how to bind something and Ferrule
 * does not guess: each problem names the function and the {@code [package.metadata.ferrule]}
 * entry that would decide it.
 */
public final class BindingException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String summary;
    private final List<String> problems;

    public BindingException(String summary, List<String> problems) {
        super(summary + "\n  - " + String.join("\n  - ", problems));
        this.summary = summary;
        this.problems = List.copyOf(problems);
    }

    /** The first line: what cannot be built. */
    public String summary() {
        return summary;
    }

    public List<String> problems() {
        return problems;
    }
}
