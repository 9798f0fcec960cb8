package dev.ferrule.gen;

import java.util.List;

/**
 * What the generator produced, and what it left out and why (for example a function whose
 * signature has no C layout).
 *
 * @param testSources generated tests (the contract suite), for the test compile roots
 */
public record GenerationResult(List<GeneratedSource> sources, List<String> skipped, List<GeneratedSource> testSources) {

    public GenerationResult(List<GeneratedSource> sources, List<String> skipped) {
        this(sources, skipped, List.of());
    }
}
