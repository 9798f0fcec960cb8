package dev.ferrule.gen;

import java.util.List;

/**
 * What the generator produced, and what it left out and why (for example a function whose
 * signature has no C layout).
 *
 * @param skipped      what was not generated, each as {@code item: reason}
 * @param testSources  generated tests (the contract suite), for the test compile roots
 * @param bound        the exported functions the raw layer binds, by symbol
 * @param considered   the exported functions the configuration selects (includes and excludes)
 * @param rawSkipped   what the raw layer left out, a part of {@code skipped}; the rest has no
 *                     safe method but is bound in the raw layer
 */
public record GenerationResult(List<GeneratedSource> sources, List<String> skipped, List<GeneratedSource> testSources,
        List<String> bound, int considered, List<String> rawSkipped) {

    public GenerationResult(List<GeneratedSource> sources, List<String> skipped, List<GeneratedSource> testSources) {
        this(sources, skipped, testSources, List.of(), 0, List.of());
    }

    public GenerationResult(List<GeneratedSource> sources, List<String> skipped) {
        this(sources, skipped, List.of());
    }
}
