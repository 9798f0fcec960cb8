package dev.ferrule.cargo;

import java.nio.file.Path;

/**
 * A native library copied into the output directory, ready to be jarred.
 *
 * @param rlib  the rlib cargo built alongside, when the crate-type includes one; null otherwise
 */
public record PackagedLibrary(String target, String platform, Path library, Path sha256File, Path buildInfoFile,
        BuildInfo buildInfo, Path rlib) {
}
