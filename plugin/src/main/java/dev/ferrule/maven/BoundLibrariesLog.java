package dev.ferrule.maven;

import dev.ferrule.cargo.BoundLibraries;
import dev.ferrule.cargo.CargoException;
import java.io.File;
import java.util.Optional;
import org.apache.maven.plugin.logging.Log;

/** What the packaging goals say when the module generates no bindings to check the libraries against. */
final class BoundLibrariesLog {

    private BoundLibrariesLog() {
    }

    static Optional<BoundLibraries> read(File stateDirectory, Log log) throws CargoException {
        Optional<BoundLibraries> bound = BoundLibraries.read(stateDirectory.toPath());
        if (bound.isEmpty()) {
            log.warn("This module generates no bindings (no " + new File(stateDirectory, BoundLibraries.FILE_NAME)
                    + "), so nothing pins these libraries: a loader without generated bindings can check only the"
                    + " .sha256 beside each library. Run ferrule:generate in this module, with every platform's"
                    + " build in its <natives>, to compile their SHA-256s into the bindings.");
        }
        return bound;
    }
}
