package dev.ferrule.abi;

import dev.ferrule.abi.rustdoc.RustdocCrate;
import dev.ferrule.abi.rustdoc.RustdocReader;
import dev.ferrule.cargo.BuildLog;
import dev.ferrule.cargo.BuildOutcome;
import dev.ferrule.cargo.CargoBuildRequest;
import dev.ferrule.cargo.PackagedLibrary;
import dev.ferrule.util.AtomicFiles;
import dev.ferrule.util.Hashing;
import dev.ferrule.util.Json;
import dev.ferrule.util.RecordCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Extracts the {@link AbiModel} of each library a build produced, from three sources that check
 * each other: rustdoc JSON (signatures with their Rust types, docs, attributes), the library's
 * dynamic symbol table (what is really exported) and the compiler's own layouts.
 *
 * <p>A model is cached in {@code target/ferrule/abi/} and reused while the build's inputs, the
 * library and the configuration are unchanged.
 */
public final class AbiExtractor {

    /** Bumped whenever extraction changes what it produces, so that old caches are not reused. */
    static final int EXTRACTOR_VERSION = 4;

    private final BuildLog log;

    public AbiExtractor(BuildLog log) {
        this.log = log;
    }

    public List<ExtractedAbi> extract(CargoBuildRequest request, BuildOutcome build) throws AbiException {
        List<ExtractedAbi> result = new ArrayList<>();
        for (PackagedLibrary library : build.libraries()) {
            result.add(extract(request, build, library));
        }
        return List.copyOf(result);
    }

    /**
     * Records already extracted models as the ABI of a rebuild that changed no Rust input, only
     * what the library reports about itself (its ABI fingerprint), so the next build reuses them
     * instead of running rustdoc again.
     */
    public List<ExtractedAbi> adopt(CargoBuildRequest request, BuildOutcome build, List<ExtractedAbi> extracted)
            throws AbiException {
        List<ExtractedAbi> result = new ArrayList<>();
        for (PackagedLibrary library : build.libraries()) {
            String name = snapshotName(build.crate().libName(), library.target(), library.buildInfo().features());
            ExtractedAbi previous = extracted.stream().filter(e -> e.snapshotName().equals(name)).findFirst()
                    .orElseThrow(() -> new AbiException("The rebuild produced " + name
                            + ", which the first build did not; run the build again."));
            Path workDir = request.stateDir().resolve("abi");
            writeCache(workDir.resolve(name + ".model.json"), workDir.resolve(name + ".key"),
                    cacheKey(request, library), previous.model(), request.stateDir());
            result.add(new ExtractedAbi(name, previous.model(), previous.fromCache()));
        }
        return List.copyOf(result);
    }

    private ExtractedAbi extract(CargoBuildRequest request, BuildOutcome build, PackagedLibrary library)
            throws AbiException {
        String name = snapshotName(build.crate().libName(), library.target(), library.buildInfo().features());
        Path workDir = request.stateDir().resolve("abi");
        Path cacheFile = workDir.resolve(name + ".model.json");
        Path keyFile = workDir.resolve(name + ".key");
        String key = cacheKey(request, library);
        Optional<AbiModel> cached = readCache(cacheFile, keyFile, key, log);
        if (cached.isPresent()) {
            log.info("ABI of " + name + " unchanged; reusing " + request.displayRoot().relativize(cacheFile));
            return new ExtractedAbi(name, cached.get(), true);
        }
        long start = System.nanoTime();
        CargoInvocation cargo = new CargoInvocation(build.toolchain().cargo(), build.toolchain().rustc(),
                build.crate().manifestPath(), request.crateDir(), build.crate().workspaceRoot(),
                build.crate().libName(), request.profile(), library.target(), request.features().cargoArgs(),
                build.crate().lockFile().isPresent(), request.env());

        log.info("Extracting the ABI of " + name + ": rustdoc JSON, dynamic symbols, compiler layouts");
        // The build's own target directory: cargo decides freshness per target directory, so rustdoc
        // must share it with the build that produced the library, not with other crates.
        Path rustdocJson = RustdocRunner.run(cargo, request.cargoTargetDir());
        long rustdocDone = System.nanoTime();
        RustdocCrate crate = RustdocReader.read(rustdocJson);
        List<AbiModel.ExportedSymbol> exports = DynamicSymbols.read(library.library());
        AbiModelBuilder builder = new AbiModelBuilder(crate, build.crate().workspaceRoot(), request.crateDir(),
                library.target());

        long probeStart = System.nanoTime();
        Measurements measurements = library.target().equals(build.toolchain().hostTriple())
                ? measure(cargo, request, workDir, builder.layoutRequest(), library, crate.crateName())
                : Measurements.unavailable("layouts are measured by running a probe on this machine, which cannot"
                        + " run " + library.target() + " code");
        long probeDone = System.nanoTime();
        AbiModel model = builder.build(
                new AbiModel.CrateInfo(build.crate().name(), build.crate().version(), build.crate().libName()),
                new AbiModel.BuildTarget(library.target(), library.buildInfo().features(), request.profile()),
                exports, measurements);
        long end = System.nanoTime();
        log.info(String.format("Extracted %d functions, %d types, %d statics of %s in %.1f s (rustdoc %.1f s,"
                        + " layout probe %.1f s, model %.1f s; rustdoc format %d, JVM heap peak %d MiB)",
                model.functions().size(), model.types().size(), model.statics().size(), name, (end - start) / 1e9,
                (rustdocDone - start) / 1e9, (probeDone - probeStart) / 1e9,
                ((end - probeDone) + (probeStart - rustdocDone)) / 1e9, crate.formatVersion(),
                peakHeapBytes() >> 20));
        writeCache(cacheFile, keyFile, key, model, request.stateDir());
        return new ExtractedAbi(name, model, false);
    }

    /**
     * The probe measures what a program outside the crate can name; the compiler's type-size
     * report measures the rest.
     */
    private Measurements measure(CargoInvocation cargo, CargoBuildRequest request, Path workDir,
            AbiModelBuilder.LayoutRequest layoutRequest, PackagedLibrary library, String crateName)
            throws AbiException {
        Measurements probed = LayoutProbe.measure(cargo, request.cargoTargetDir(), workDir, layoutRequest,
                library.rlib());
        List<RustdocCrate.Item> hidden = layoutRequest.types().stream().filter(t -> t.meta().publicPath() == null)
                .toList();
        if (hidden.isEmpty()) {
            return probed;
        }
        log.info("Measuring " + hidden.size() + " type(s) no program outside the crate can name with rustc's"
                + " type-size report: " + hidden.stream().map(AbiModelBuilder::layoutKey).sorted()
                .collect(Collectors.joining(", ")));
        Map<String, TypeLayout> types = new HashMap<>(probed.types());
        types.putAll(TypeSizeReport.measure(cargo, request.cargoTargetDir().resolve("ferrule-type-sizes"),
                crateName, hidden));
        return new Measurements(types, probed.scalars(), null);
    }

    /** The JVM's peak heap use so far, summed over heap pools; reported so large crates can be sized. */
    private static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
    }

    /** {@code <lib>-<triple>}, plus {@code -<feature+feature>} for any feature besides {@code default}. */
    public static String snapshotName(String libName, String triple, List<String> features) {
        String featureSet = features.stream().filter(f -> !f.equals("default")).sorted()
                .collect(Collectors.joining("+"));
        return libName + "-" + triple + (featureSet.isEmpty() ? "" : "-" + featureSet);
    }

    private static String cacheKey(CargoBuildRequest request, PackagedLibrary library) throws AbiException {
        try {
            Path buildState = request.stateDir().resolve("build-state.json");
            String state = Files.isRegularFile(buildState) ? Files.readString(buildState) : "no-state";
            return Hashing.sha256Hex(String.join("\n", "extractor=" + EXTRACTOR_VERSION,
                    "schema=" + AbiModel.SCHEMA_VERSION, "library=" + library.buildInfo().sha256(),
                    "target=" + library.target(), "features=" + library.buildInfo().features(),
                    "request=" + request.features() + request.profile() + request.env(), state)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AbiException("Could not read the build state: " + e.getMessage(), e);
        }
    }

    private static Optional<AbiModel> readCache(Path cacheFile, Path keyFile, String key, BuildLog log) {
        try {
            if (!Files.isRegularFile(keyFile) || !Files.readString(keyFile).strip().equals(key)
                    || !Files.isRegularFile(cacheFile)) {
                return Optional.empty();
            }
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
        return readCachedModel(cacheFile, log);
    }

    /**
     * A cached model, or empty: a damaged or incomplete cache is discarded, with one line that
     * says so, and the ABI is extracted again.
     */
    public static Optional<AbiModel> readCachedModel(Path cacheFile, BuildLog log) {
        try {
            AbiModel model = Json.read(Files.readAllBytes(cacheFile), AbiModel.class);
            Optional<String> missing = RecordCheck.firstMissing(model);
            if (missing.isEmpty()) {
                return Optional.of(model);
            }
            log.info("The cached ABI model " + cacheFile + " is incomplete (no " + missing.get() + "); discarding it"
                    + " and extracting again.");
        } catch (IOException | UncheckedIOException e) {
            log.info("The cached ABI model " + cacheFile + " is unreadable; discarding it and extracting again.");
        }
        return Optional.empty();
    }

    private void writeCache(Path cacheFile, Path keyFile, String key, AbiModel model, Path stateDir) {
        try {
            AtomicFiles.write(cacheFile, Json.prettyBytes(model), stateDir);
            AtomicFiles.write(keyFile, (key + "\n").getBytes(StandardCharsets.UTF_8), stateDir);
        } catch (IOException e) {
            log.warn("Could not cache the ABI model in " + cacheFile + ": " + e.getMessage());
        }
    }
}
