package dev.ferrule.audit;

import dev.ferrule.cargo.CargoBuildRequest;
import dev.ferrule.cargo.CargoException;
import dev.ferrule.cargo.CargoMetadataReader;
import dev.ferrule.cargo.CargoPackage;
import dev.ferrule.cargo.RustToolchain;
import dev.ferrule.util.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Whether a crate's Cargo.lock is part of the sources, not just left behind by an earlier build. */
public final class LockFiles {

    private LockFiles() {
    }

    /** Whether the crate's workspace has a committed Cargo.lock; asks cargo metadata, which never writes one. */
    public static boolean committed(CargoBuildRequest request) throws CargoException {
        RustToolchain toolchain = RustToolchain.locate(request.crateDir(), request.env());
        CargoPackage crate = CargoMetadataReader.read(toolchain, request.crateDir(), request.env());
        return committed(crate.workspaceRoot().resolve("Cargo.lock"));
    }

    /**
     * A lock file counts as committed when it exists and, inside a git work tree, git tracks it.
     * Call it before cargo builds, which writes a missing lock file.
     */
    public static boolean committed(Path lock) {
        if (!Files.isRegularFile(lock)) {
            return false;
        }
        try {
            Processes.Result result = Processes.run(List.of("git", "ls-files", "--error-unmatch",
                    lock.getFileName().toString()), lock.getParent(), Map.of());
            // 128: not a work tree (or no git), where existing is all that can be asked
            return result.succeeded() || result.exitCode() == 128;
        } catch (IOException e) {
            return true;
        }
    }
}
