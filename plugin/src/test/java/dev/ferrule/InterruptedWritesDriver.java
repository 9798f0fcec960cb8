package dev.ferrule;

import dev.ferrule.abi.AbiModel;
import dev.ferrule.abi.AbiSnapshots;
import dev.ferrule.cargo.BuildInfo;
import dev.ferrule.cargo.NativePackager;
import dev.ferrule.diff.CheckReports;
import dev.ferrule.diff.FailPolicy;
import dev.ferrule.gen.Bindings;
import dev.ferrule.gen.GeneratorConfig;
import dev.ferrule.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The writes of a build, without the child processes of one (no cargo, no rustdoc), so that
 * InterruptedWritesTest can kill this JVM at any one of its renames: the library packed into the
 * classes, the snapshot, the generated sources and the check-abi reports.
 *
 * <p>Arguments: the project directory, a packaged library's directory (with its build-info.json),
 * and an ABI snapshot to write and generate from.
 */
public final class InterruptedWritesDriver {

    private InterruptedWritesDriver() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[0]);
        Path packaged = Path.of(args[1]);
        AbiModel model = AbiSnapshots.read(Path.of(args[2]));
        Path state = project.resolve("ferrule");
        BuildInfo info = Json.read(Files.readAllBytes(packaged.resolve(NativePackager.BUILD_INFO_FILE)),
                BuildInfo.class);
        NativePackager.pack(packaged.resolve(info.library()), project.resolve("classes"), info, null, state);
        AbiSnapshots.write(project.resolve("src/main/abi/snapshot.abi.json"), model, state);
        Bindings.generateInto(model, new GeneratorConfig("dev.ferrule.generated", "AbiFixtureNative", List.of(),
                List.of()), project.resolve("target/generated-sources/ferrule"), state);
        CheckReports.writeAll(List.of(), List.of(), FailPolicy.BREAKING, "test", "", state);
        System.out.println("every write done");
    }
}
