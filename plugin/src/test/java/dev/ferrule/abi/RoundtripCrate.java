package dev.ferrule.abi;

import dev.ferrule.cargo.BuildLog;
import dev.ferrule.cargo.BuildOutcome;
import dev.ferrule.cargo.CargoBuilder;
import dev.ferrule.cargo.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * src/test/rust/roundtrip, a crate written with ferrule-ffi's attributes alone, built and
 * extracted once per test run: the extraction, binding and generation tests of declared crates
 * all read the same model.
 */
public final class RoundtripCrate {

    /** The crate's build and its model. */
    public record Built(BuildOutcome build, AbiModel model) {
    }

    private static Built built;

    private RoundtripCrate() {
    }

    public static synchronized Built get() throws Exception {
        if (built == null) {
            Path work = Path.of("target/roundtrip-crate").toAbsolutePath();
            Files.createDirectories(work);
            Path crate = Fixtures.freshCopyOnFerruleFfi("roundtrip", work);
            Fixtures.Request request = new Fixtures.Request(crate, work);
            BuildOutcome build = new CargoBuilder(BuildLog.silent()).build(request.toRequest());
            AbiModel model = new AbiExtractor(BuildLog.silent()).extract(request.toRequest(), build).get(0).model();
            built = new Built(build, model);
        }
        return built;
    }
}
