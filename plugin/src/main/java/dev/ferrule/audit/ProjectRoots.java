package dev.ferrule.audit;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where a project ends, for rules about what lies outside it. */
public final class ProjectRoots {

    private ProjectRoots() {
    }

    /** The git work tree holding {@code start} ({@code .git} is a directory, or a file in worktrees), else {@code fallback}. */
    public static Path find(Path start, Path fallback) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return dir;
            }
        }
        return fallback.toAbsolutePath().normalize();
    }
}
