package dev.ferrule.cargo;

import dev.ferrule.util.Processes;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cargo and rustc a build will use, found the way cargo itself finds them: {@code CARGO}
 * and {@code RUSTC} from the environment first, then {@code PATH}. Commands run in the crate
 * directory so that a {@code rust-toolchain.toml} there is honoured by rustup's proxies.
 */
public final class RustToolchain {

    private final Path cargo;
    private final Path rustc;
    private final Path crateDir;
    private final Map<String, String> env;
    private final String rustcVersion;
    private final String hostTriple;
    private Set<String> knownTargets;

    private RustToolchain(Path cargo, Path rustc, Path crateDir, Map<String, String> env,
            String rustcVersion, String hostTriple) {
        this.cargo = cargo;
        this.rustc = rustc;
        this.crateDir = crateDir;
        this.env = env;
        this.rustcVersion = rustcVersion;
        this.hostTriple = hostTriple;
    }

    /**
     * Finds cargo and rustc for a crate.
     *
     * @param userEnv variables the user configured for cargo; they override the inherited ones,
     *                including {@code PATH}
     */
    public static RustToolchain locate(Path crateDir, Map<String, String> userEnv) throws CargoException {
        Map<String, String> effective = new HashMap<>(System.getenv());
        effective.putAll(userEnv);
        Path cargo = resolveTool("cargo", effective.get("CARGO"), effective)
                .orElseThrow(() -> CargoException.invalid("cargo was not found on PATH (" + pathOf(effective) + ")."
                        + " Install Rust with rustup (https://rustup.rs), or put cargo on PATH, for example"
                        + " through <env><PATH>...</PATH></env> in the plugin configuration."));
        Path rustc = resolveTool("rustc", effective.get("RUSTC"), effective)
                .orElseThrow(() -> CargoException.invalid("rustc was not found on PATH (" + pathOf(effective) + ")"
                        + " although cargo was found at " + cargo + ". Reinstall the Rust toolchain."));
        Processes.Result version = runQuietly(List.of(rustc.toString(), "-vV"), crateDir, userEnv);
        if (!version.succeeded()) {
            throw CargoException.invalid("`rustc -vV` failed in " + crateDir + ": " + version.stderr().strip());
        }
        String host = null;
        for (String line : version.stdout().split("\n")) {
            if (line.startsWith("host: ")) {
                host = line.substring("host: ".length()).strip();
            }
        }
        String release = version.stdout().lines().findFirst().orElse("").strip();
        if (host == null || release.isEmpty()) {
            throw CargoException.invalid("Could not read the host triple from `rustc -vV`: " + version.stdout());
        }
        return new RustToolchain(cargo, rustc, crateDir, Map.copyOf(userEnv), release, host);
    }

    public Path cargo() {
        return cargo;
    }

    public Path rustc() {
        return rustc;
    }

    /** The first line of {@code rustc -vV}, for example {@code rustc 1.95.0 (59807616e 2026-04-14)}. */
    public String rustcVersion() {
        return rustcVersion;
    }

    public String hostTriple() {
        return hostTriple;
    }

    /** Fails with the exact fix when a triple is unknown to rustc or its standard library is absent. */
    public void requireTarget(String triple) throws CargoException {
        if (triple.equals(hostTriple)) {
            return;
        }
        if (!knownTargets().contains(triple)) {
            throw CargoException.invalid("Unknown target triple '" + triple + "': rustc " + rustcVersion
                    + " does not know it. Check the spelling; `rustc --print target-list` lists valid triples.");
        }
        Processes.Result sysroot = runQuietly(List.of(rustc.toString(), "--print", "sysroot"), crateDir, env);
        Path rustlib = Path.of(sysroot.stdout().strip(), "lib", "rustlib", triple, "lib");
        if (!sysroot.succeeded() || !Files.isDirectory(rustlib)) {
            throw CargoException.invalid("Target '" + triple + "' is not installed for " + rustcVersion
                    + " (no standard library at " + rustlib + "). Run: rustup target add " + triple);
        }
    }

    private Set<String> knownTargets() throws CargoException {
        if (knownTargets == null) {
            Processes.Result list = runQuietly(List.of(rustc.toString(), "--print", "target-list"), crateDir, env);
            if (!list.succeeded()) {
                throw CargoException.invalid("`rustc --print target-list` failed: " + list.stderr().strip());
            }
            knownTargets = new TreeSet<>(list.stdout().lines().map(String::strip).toList());
        }
        return knownTargets;
    }

    private static Processes.Result runQuietly(List<String> command, Path dir, Map<String, String> env)
            throws CargoException {
        try {
            return Processes.run(command, dir, env);
        } catch (IOException e) {
            throw CargoException.invalid("Could not run `" + String.join(" ", command) + "`: " + e.getMessage());
        }
    }

    private static Optional<Path> resolveTool(String name, String override, Map<String, String> env) {
        if (override != null && !override.isBlank()) {
            Path path = Path.of(override);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        String file = windows ? name + ".exe" : name;
        return Arrays.stream(pathOf(env).split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, file))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static String pathOf(Map<String, String> env) {
        return env.getOrDefault("PATH", "");
    }
}
