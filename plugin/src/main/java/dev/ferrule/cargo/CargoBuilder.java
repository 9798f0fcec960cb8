package dev.ferrule.cargo;

import dev.ferrule.util.AtomicFiles;
import dev.ferrule.util.Hashing;
import dev.ferrule.util.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code build} step: validate, run cargo (unless nothing changed), and package each library.
 * All validation happens before cargo starts and packaging only after it succeeds, so a bad input
 * or a failed compile leaves the output directory as it was.
 */
public final class CargoBuilder {

    private static final Pattern PROFILE_NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final String MAX_DIAGNOSTICS_NOTE = "aborting due to";
    private static final Pattern GENERATED_WARNINGS = Pattern.compile(
            "^warning: `[^`]+` \\([^)]*\\) generated \\d+ warnings?.*$");

    /** cargo flags Ferrule sets itself; passing them through extraArgs would fight Ferrule's own. */
    private static final Map<String, String> MANAGED_FLAGS = Map.ofEntries(
            Map.entry("--features", "<features>"), Map.entry("-F", "<features>"),
            Map.entry("--all-features", "<allFeatures>"), Map.entry("--no-default-features", "<noDefaultFeatures>"),
            Map.entry("--release", "<profile>"), Map.entry("-r", "<profile>"), Map.entry("--profile", "<profile>"),
            Map.entry("--target", "<targets>"), Map.entry("--target-dir", "<cargoTargetDir>"),
            Map.entry("--manifest-path", "<crateDir>"), Map.entry("--message-format", "(Ferrule reads JSON)"),
            Map.entry("--lib", "(Ferrule builds the library target)"));

    private final BuildLog log;

    public CargoBuilder(BuildLog log) {
        this.log = log;
    }

    public BuildOutcome build(CargoBuildRequest request) throws CargoException {
        validateBeforeTouchingAnything(request);
        UnsafeFeaturePolicy policy = UnsafeFeaturePolicy.of(request.unsafePattern(), request.allowedUnsafe(),
                request.release());
        policy.allowancesOutsidePattern().forEach(name -> log.warn("<allowUnsafeFeature> '" + name
                + "' does not match <unsafePattern> '" + policy.pattern() + "', so it has no effect."));

        RustToolchain toolchain = RustToolchain.locate(request.crateDir(), request.env());
        CargoPackage pkg = CargoMetadataReader.read(toolchain, request.crateDir(), request.env());
        if (!pkg.hasCdylib()) {
            throw CargoException.invalid("Crate " + pkg.name() + " does not build a cdylib (crate-type = "
                    + pkg.crateTypes() + " in " + pkg.manifestPath() + "), so there is no native library to load"
                    + " from Java. Add to Cargo.toml:\n  [lib]\n  crate-type = [\"cdylib\", \"rlib\"]");
        }
        request.features().validateAgainst(pkg);
        Map<String, Platform> platforms = resolveTargets(request, toolchain);
        List<UnsafeFeaturePolicy.RiskyFeature> risky = policy.check(request.features().resolve(pkg), pkg.name());
        warnAbout(risky, request.release());

        removeLeftovers(request);
        String fingerprint = configFingerprint(request, toolchain, pkg);
        IncrementalState.Loaded loaded = IncrementalState.load(request.stateDir());
        Optional<IncrementalState> previous = loaded.state()
                .filter(state -> state.artifacts().keySet().equals(platforms.keySet()));
        Optional<String> staleReason = loaded.state().isEmpty() ? Optional.of(loaded.why())
                : previous.isEmpty() ? Optional.of("the previous build was for other targets")
                : previous.get().staleReason(fingerprint);

        Map<String, IncrementalState.BuiltArtifact> built;
        boolean skipped = staleReason.isEmpty();
        String reason;
        if (skipped) {
            built = previous.get().artifacts();
            reason = "Rust inputs unchanged (" + previous.get().inputs().size() + " files, fingerprint "
                    + fingerprint.substring(0, 12) + "); skipping cargo";
            log.info(reason + ".");
        } else {
            reason = staleReason.get();
            log.info("Building " + pkg.name() + " " + pkg.version() + " (" + request.profile() + ", "
                    + String.join(", ", platforms.keySet()) + ") with " + toolchain.rustcVersion()
                    + "; " + reason + ".");
            built = runCargo(request, toolchain, pkg, platforms);
            saveState(request, pkg, fingerprint, built);
        }

        List<PackagedLibrary> libraries = new ArrayList<>();
        for (Map.Entry<String, Platform> target : platforms.entrySet()) {
            IncrementalState.BuiltArtifact artifact = built.get(target.getKey());
            // cargo's own report of enabled features is authoritative: a workspace member can switch
            // on one of this crate's features behind the configuration's back.
            List<UnsafeFeaturePolicy.RiskyFeature> actualRisky =
                    policy.check(new TreeSet<>(artifact.features()), pkg.name());
            Path library = Path.of(artifact.path());
            BuildInfo info = new BuildInfo(BuildInfo.SCHEMA_VERSION, pkg.name(), pkg.version(), target.getKey(),
                    target.getValue().id(), request.profile(), artifact.features(), actualRisky,
                    toolchain.rustcVersion(), library.getFileName().toString(), artifact.sha256(),
                    request.env().get(BuildInfo.ABI_FINGERPRINT_ENV));
            PackagedLibrary packaged = NativePackager.pack(library, request.outputDir(), info,
                    artifact.rlib() == null ? null : Path.of(artifact.rlib()), request.stateDir());
            log.info("Packaged " + display(request, packaged.library()) + " (sha256 " + artifact.sha256()
                    .substring(0, 12) + ")");
            libraries.add(packaged);
        }
        return new BuildOutcome(pkg, toolchain, List.copyOf(libraries), skipped, reason, risky);
    }

    private static void validateBeforeTouchingAnything(CargoBuildRequest request) throws CargoException {
        if (!Files.isDirectory(request.crateDir())) {
            throw CargoException.invalid("Crate directory " + request.crateDir() + " does not exist."
                    + " Put the Rust crate there (`cargo new --lib " + request.crateDir() + "`),"
                    + " or point <crateDir> at it.");
        }
        request.features().validateCombination();
        if (request.profile() == null || !PROFILE_NAME.matcher(request.profile()).matches()) {
            throw CargoException.invalid("<profile> '" + request.profile() + "' is not a cargo profile name."
                    + " Use release, dev, or a custom profile declared in Cargo.toml.");
        }
        for (String arg : request.extraArgs()) {
            String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String owner = MANAGED_FLAGS.get(flag);
            if (owner != null) {
                throw CargoException.invalid("<extraArgs> contains '" + arg + "', which Ferrule sets itself."
                        + " Use " + owner + " instead.");
            }
        }
    }

    private static Map<String, Platform> resolveTargets(CargoBuildRequest request, RustToolchain toolchain)
            throws CargoException {
        List<String> triples = request.targets().isEmpty() ? List.of(toolchain.hostTriple()) : request.targets();
        Map<String, Platform> platforms = new LinkedHashMap<>();
        Map<String, String> tripleByPlatform = new HashMap<>();
        for (String triple : triples) {
            Platform platform = Platform.fromTriple(triple);
            toolchain.requireTarget(triple);
            String clash = tripleByPlatform.putIfAbsent(platform.id(), triple);
            if (clash != null) {
                throw CargoException.invalid("Targets " + clash + " and " + triple + " both map to "
                        + "META-INF/native/" + platform.id() + "; the loader could not tell them apart."
                        + " Build them in separate executions or modules.");
            }
            platforms.put(triple, platform);
        }
        return platforms;
    }

    /**
     * Temporary files a killed run left: in the state directory, and (from older Ferrule versions)
     * beside the files Ferrule writes into the jar's classes, the snapshots and the generated
     * sources. Removed before anything is packaged, and each one is named.
     */
    private void removeLeftovers(CargoBuildRequest request) throws CargoException {
        Path project = request.displayRoot();
        List<Path> strayRoots = new ArrayList<>(List.of(request.outputDir().resolve(NativePackager.NATIVE_ROOT)));
        if (project != null) {
            strayRoots.addAll(List.of(project.resolve("src/main/abi"), project.resolve(
                    "target/generated-sources/ferrule"), project.resolve("target/generated-test-sources/ferrule")));
        }
        List<Path> removed;
        try {
            removed = AtomicFiles.sweep(request.stateDir(), strayRoots);
        } catch (IOException e) {
            throw new CargoException(CargoException.Kind.BUILD_FAILED, "Could not remove the temporary files of an"
                    + " interrupted run: " + e.getMessage(), e);
        }
        if (!removed.isEmpty()) {
            log.warn("Removed " + removed.size() + " temporary file(s) that an interrupted run left: "
                    + removed.stream().map(p -> display(request, p)).sorted().collect(Collectors.joining(", ")));
        }
    }

    private void warnAbout(List<UnsafeFeaturePolicy.RiskyFeature> risky, boolean release) {
        for (UnsafeFeaturePolicy.RiskyFeature feature : risky) {
            if (feature.allowed()) {
                log.warn("Risky feature '" + feature.name() + "' is enabled and allowed for release: "
                        + feature.reason());
            } else {
                log.warn("Risky feature '" + feature.name() + "' is enabled. A release build would refuse it"
                        + " unless <allowUnsafeFeatures> lists it with a <reason>.");
            }
        }
    }

    private Map<String, IncrementalState.BuiltArtifact> runCargo(CargoBuildRequest request, RustToolchain toolchain,
            CargoPackage pkg, Map<String, Platform> platforms) throws CargoException {
        List<String> command = cargoCommand(request, toolchain, pkg, platforms.keySet());
        log.debug("Running " + String.join(" ", command));
        Map<String, String> env = new HashMap<>();
        env.put("CARGO_TERM_COLOR", "never");
        env.putAll(request.env());

        Map<String, IncrementalState.BuiltArtifact> built = new TreeMap<>();
        CompilerWarnings warnings = new CompilerWarnings(log);
        List<CargoMessage.Diagnostic> errors = new ArrayList<>();
        List<String> cargoErrors = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        long start = System.nanoTime();
        int exit;
        try {
            exit = Processes.stream(command, request.crateDir(), env, line -> {
                try {
                    onMessage(CargoMessage.parse(line, pkg.workspaceRoot()), request, pkg, platforms, built, errors,
                            warnings);
                } catch (IOException e) {
                    unreadable.add(line);
                }
            }, line -> onStderr(line, cargoErrors));
        } catch (IOException e) {
            throw CargoException.invalid("Could not start cargo (" + toolchain.cargo() + "): " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new CargoException(CargoException.Kind.BUILD_FAILED, "Lost cargo's output: " + e.getMessage(), e);
        }
        unreadable.forEach(line -> log.info("cargo: " + line));
        warnings.summarise();
        if (exit != 0) {
            throw failure(request, exit, errors, cargoErrors);
        }
        Set<String> missing = new LinkedHashSet<>(platforms.keySet());
        missing.removeAll(built.keySet());
        if (!missing.isEmpty()) {
            throw new CargoException(CargoException.Kind.BUILD_FAILED, "cargo succeeded but reported no cdylib of "
                    + pkg.name() + " for " + missing + ". Run `" + String.join(" ", command) + "` by hand to see why.");
        }
        log.info(String.format("cargo finished in %.1f s", (System.nanoTime() - start) / 1e9));
        return built;
    }

    private static List<String> cargoCommand(CargoBuildRequest request, RustToolchain toolchain, CargoPackage pkg,
            Set<String> triples) {
        List<String> command = new ArrayList<>(List.of(toolchain.cargo().toString(), "build", "--lib",
                "--manifest-path", pkg.manifestPath().toString(), "--message-format=json",
                "--profile", request.profile(), "--target-dir", request.cargoTargetDir().toString()));
        for (String triple : triples) {
            command.add("--target");
            command.add(triple);
        }
        command.addAll(request.features().cargoArgs());
        if (pkg.lockFile().isPresent() && !request.extraArgs().contains("--locked")
                && !request.extraArgs().contains("--frozen")) {
            command.add("--locked");
        }
        command.addAll(request.extraArgs());
        return command;
    }

    private void onMessage(CargoMessage message, CargoBuildRequest request, CargoPackage pkg,
            Map<String, Platform> platforms, Map<String, IncrementalState.BuiltArtifact> built,
            List<CargoMessage.Diagnostic> errors, CompilerWarnings warnings) {
        if (message instanceof CargoMessage.Diagnostic diagnostic) {
            report(diagnostic, request, errors, warnings);
        } else if (message instanceof CargoMessage.Artifact artifact && artifact.packageId().equals(pkg.id())
                && artifact.kinds().contains("cdylib")) {
            for (Map.Entry<String, Platform> target : platforms.entrySet()) {
                Path expectedDir = request.cargoTargetDir().resolve(target.getKey());
                String expectedName = target.getValue().libraryFileName(pkg.libName());
                String rlibName = "lib" + pkg.libName() + ".rlib";
                String rlib = artifact.filenames().stream()
                        .filter(f -> f.startsWith(expectedDir) && f.getFileName().toString().equals(rlibName))
                        .map(Path::toString).findFirst().orElse(null);
                artifact.filenames().stream()
                        .filter(f -> f.startsWith(expectedDir) && f.getFileName().toString().equals(expectedName))
                        .findFirst()
                        .ifPresent(file -> built.put(target.getKey(), new IncrementalState.BuiltArtifact(
                                file.toString(), hash(file), artifact.features(), rlib)));
            }
        }
    }

    private void report(CargoMessage.Diagnostic diagnostic, CargoBuildRequest request,
            List<CargoMessage.Diagnostic> errors, CompilerWarnings warnings) {
        if (diagnostic.location().isEmpty() && diagnostic.message().startsWith(MAX_DIAGNOSTICS_NOTE)) {
            return;
        }
        String headline = diagnostic.headline(request.displayRoot());
        // rendered repeats the headline first; the rest is the source excerpt with carets.
        String excerpt = diagnostic.rendered().lines().skip(1).reduce((a, b) -> a + "\n" + b).orElse("");
        String text = excerpt.isBlank() ? headline : headline + "\n" + excerpt.stripTrailing();
        if (diagnostic.isError()) {
            errors.add(diagnostic);
            log.error(text);
        } else if (diagnostic.level().equals("warning")) {
            warnings.add(diagnostic, headline, text);
        } else {
            log.info(text);
        }
    }

    private void onStderr(String line, List<String> cargoErrors) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return;
        }
        if (trimmed.startsWith("error")) {
            cargoErrors.add(trimmed);
            log.error("cargo: " + trimmed);
        } else if (GENERATED_WARNINGS.matcher(trimmed).matches()) {
            // cargo's per-crate count; the summary of the warnings themselves says more.
            log.debug("cargo: " + trimmed);
        } else if (trimmed.startsWith("warning")) {
            log.warn("cargo: " + trimmed);
        } else {
            log.info("cargo: " + trimmed);
        }
    }

    private static CargoException failure(CargoBuildRequest request, int exit, List<CargoMessage.Diagnostic> errors,
            List<String> cargoErrors) {
        if (!errors.isEmpty()) {
            return new CargoException(CargoException.Kind.BUILD_FAILED, "Rust compilation failed with "
                    + errors.size() + (errors.size() == 1 ? " error" : " errors") + "; first: "
                    + errors.get(0).headline(request.displayRoot()));
        }
        String detail = cargoErrors.isEmpty() ? "see the cargo output above" : String.join("\n", cargoErrors);
        return new CargoException(CargoException.Kind.BUILD_FAILED, "cargo build failed (exit code " + exit + "): "
                + detail);
    }

    private void saveState(CargoBuildRequest request, CargoPackage pkg, String fingerprint,
            Map<String, IncrementalState.BuiltArtifact> built) throws CargoException {
        try {
            List<Path> inputs = new ArrayList<>(pkg.workspaceManifests());
            pkg.lockFile().ifPresent(inputs::add);
            for (Path root : new LinkedHashSet<>(List.of(request.crateDir(), pkg.workspaceRoot()))) {
                for (String name : List.of("build.rs", "rust-toolchain", "rust-toolchain.toml",
                        ".cargo/config", ".cargo/config.toml")) {
                    inputs.add(root.resolve(name));
                }
            }
            for (IncrementalState.BuiltArtifact artifact : built.values()) {
                Path depInfo = DepInfo.besideArtifact(Path.of(artifact.path()));
                if (Files.isRegularFile(depInfo)) {
                    inputs.addAll(DepInfo.read(depInfo));
                } else {
                    log.warn("cargo wrote no dep-info at " + depInfo + "; the next build will run cargo again.");
                    return;
                }
            }
            SortedMap<String, String> hashes = IncrementalState.hashInputs(inputs);
            new IncrementalState(IncrementalState.FORMAT_VERSION, fingerprint, hashes, new TreeMap<>(built))
                    .save(request.stateDir());
        } catch (IOException e) {
            log.warn("Could not record incremental state in " + request.stateDir() + " (" + e.getMessage()
                    + "); the next build will run cargo again.");
        }
    }

    private static String configFingerprint(CargoBuildRequest request, RustToolchain toolchain, CargoPackage pkg) {
        String config = String.join("\n",
                "crate=" + pkg.manifestPath(),
                "targetDir=" + request.cargoTargetDir().toAbsolutePath(),
                "profile=" + request.profile(),
                "targets=" + request.targets(),
                "features=" + request.features(),
                "extraArgs=" + request.extraArgs(),
                "env=" + request.env(),
                "cargo=" + toolchain.cargo(),
                "rustc=" + toolchain.rustcVersion() + " " + toolchain.hostTriple());
        return Hashing.sha256Hex(config.getBytes(StandardCharsets.UTF_8));
    }

    private static String hash(Path file) {
        try {
            return Hashing.sha256Hex(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String display(CargoBuildRequest request, Path path) {
        Path root = request.displayRoot();
        Path absolute = path.toAbsolutePath().normalize();
        return root != null && absolute.startsWith(root) ? root.relativize(absolute).toString() : path.toString();
    }
}
