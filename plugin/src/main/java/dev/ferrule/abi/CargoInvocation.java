package dev.ferrule.abi;

import dev.ferrule.util.Processes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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

    /**
     * Runs a cargo command that uses an unstable rustc or rustdoc option. {@code RUSTC_BOOTSTRAP=1}
     * is set for this one child process and nowhere else: the Maven JVM and every other build step
     * keep stable semantics.
     *
     * @param what  what the command does, for the error message
     */
    Processes.Result runUnstable(List<String> command, String what) throws AbiException {
        Map<String, String> childEnv = new HashMap<>(env);
        childEnv.put("RUSTC_BOOTSTRAP", "1");
        childEnv.put("CARGO_TERM_COLOR", "never");
        Processes.Result result;
        try {
            result = Processes.run(command, crateDir, childEnv);
        } catch (IOException e) {
            throw new AbiException("Could not run " + what + ": " + e.getMessage(), e);
        }
        if (!result.succeeded()) {
            throw new AbiException(what + " failed (exit code " + result.exitCode() + "):\n"
                    + result.stderr().strip());
        }
        return result;
    }

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
