package dev.ferrule.gen;

import java.util.List;

/**
 * The generator cannot decide how to bind something, and will not guess: each problem names the
 * function and the {@code [package.metadata.ferrule]} entry that decides it.
 */
public final class GenerationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public GenerationException(String summary, List<String> problems) {
        super(summary + "\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
