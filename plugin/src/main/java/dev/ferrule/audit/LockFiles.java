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
     * A lock file counts as committed when it exists and git tracks it. When git does not track
     * the workspace's Cargo.toml either (no work tree, or a project not added yet), existing is all
     * that can be asked. Call it before cargo builds, which writes a missing lock file.
     */
    public static boolean committed(Path lock) {
        if (!Files.isRegularFile(lock)) {
            return false;
        }
        return tracked(lock) || !tracked(lock.resolveSibling("Cargo.toml"));
    }

    private static boolean tracked(Path file) {
        try {
            return Processes.run(List.of("git", "ls-files", "--error-unmatch", file.getFileName().toString()),
                    file.getParent(), Map.of()).succeeded();
        } catch (IOException e) {
            return false;
        }
    }
}
