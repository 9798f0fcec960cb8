package dev.ferrule.abi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How to run cargo for the crate the way {@code ferrule:build} did: same manifest, features,
 * profile and target, so that rustdoc and the layout probe see the code that was built.
 *
 * @param featureArgs  cargo's feature flags, as the build passed them
 * @param env          the user's extra environment for cargo
 */
public record CargoInvocation(Path cargo, Path rustc, Path manifest, Path crateDir, Path workspaceRoot,
        String libName, String profile, String target, List<String> featureArgs, boolean locked,
        Map<String, String> env) {

    /** {@code cargo <subcommand> --lib ...} with this crate's settings and the given target directory. */
    List<String> command(String subcommand, Path targetDir, String... extra) {
        List<String> command = new ArrayList<>(List.of(cargo.toString(), subcommand, "--lib", "--manifest-path",
                manifest.toString(), "--profile", profile, "--target", target, "--target-dir", targetDir.toString()));
        command.addAll(featureArgs);
        if (locked) {
            command.add("--locked");
        }
        command.addAll(List.of(extra));
        return command;
    }
}
