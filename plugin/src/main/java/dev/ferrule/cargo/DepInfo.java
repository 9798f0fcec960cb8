package dev.ferrule.cargo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Makefile-style dep-info file ({@code libfoo.d}) that cargo writes beside each
 * artifact. It lists every source file rustc read, including modules in other directories and
 * files pulled in by {@code include_str!}, which makes it the exact input set of the build.
 */
final class DepInfo {

    private DepInfo() {
    }

    /** The dep-info file cargo writes next to an artifact: same stem, {@code .d} extension. */
    static Path besideArtifact(Path artifact) {
        String name = artifact.getFileName().toString();
        int dot = name.indexOf('.');
        return artifact.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + ".d");
    }

    static List<Path> read(Path depInfo) throws IOException {
        String text = Files.readString(depInfo, StandardCharsets.UTF_8).replace("\\\n", " ");
        String firstRule = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        int colon = firstRule.indexOf(": ");
        if (colon < 0) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String deps = firstRule.substring(colon + 2);
        for (int i = 0; i < deps.length(); i++) {
            char c = deps.charAt(i);
            if (c == '\\' && i + 1 < deps.length() && deps.charAt(i + 1) == ' ') {
                current.append(' ');
                i++;
            } else if (c == ' ') {
                flush(current, files);
            } else {
                current.append(c);
            }
        }
        flush(current, files);
        return files;
    }

    private static void flush(StringBuilder current, List<Path> files) {
        if (!current.isEmpty()) {
            files.add(Path.of(current.toString()));
            current.setLength(0);
        }
    }
}
