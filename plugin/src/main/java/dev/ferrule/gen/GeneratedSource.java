package dev.ferrule.gen;

/** One generated Java file: its path under the source root, and its text. */
public record GeneratedSource(String path, String content) {
}
