package dev.ferrule.gen;

import java.util.List;

/**
 * What the generator produced, and what it left out and why (for example a function whose
 * signature has no C layout).
 */
public record GenerationResult(List<GeneratedSource> sources, List<String> skipped) {
}
