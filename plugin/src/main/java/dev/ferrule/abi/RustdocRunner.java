package dev.ferrule.abi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
        cargo.runUnstable(command, "cargo rustdoc");
        Path json = targetDir.resolve(cargo.target()).resolve("doc").resolve(cargo.libName() + ".json");
        if (!Files.isRegularFile(json)) {
            throw new AbiException("cargo rustdoc succeeded but wrote no " + json + ".");
        }
        return json;
    }
}
