package dev.ferrule.abi;

import dev.ferrule.util.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs rustdoc's JSON backend. It is unstable, so {@code RUSTC_BOOTSTRAP=1} is set for this one
 * child process and nowhere else: the Maven JVM and every other build step keep stable semantics.
 */
final class RustdocRunner {

    private RustdocRunner() {
    }

    static Path run(CargoInvocation cargo, Path targetDir) throws AbiException {
        List<String> command = cargo.command("rustdoc", targetDir, "--", "-Z", "unstable-options",
                "--output-format", "json", "--document-private-items");
        Map<String, String> env = new HashMap<>(cargo.env());
        env.put("RUSTC_BOOTSTRAP", "1");
        env.put("CARGO_TERM_COLOR", "never");
        Processes.Result result;
        try {
            result = Processes.run(command, cargo.crateDir(), env);
        } catch (IOException e) {
            throw new AbiException("Could not run cargo rustdoc: " + e.getMessage(), e);
        }
        if (!result.succeeded()) {
            throw new AbiException("cargo rustdoc failed (exit code " + result.exitCode() + "):\n"
                    + result.stderr().strip());
        }
        Path json = targetDir.resolve(cargo.target()).resolve("doc").resolve(cargo.libName() + ".json");
        if (!Files.isRegularFile(json)) {
            throw new AbiException("cargo rustdoc succeeded but wrote no " + json + ".");
        }
        return json;
    }
}
