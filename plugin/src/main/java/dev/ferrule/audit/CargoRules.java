package dev.ferrule.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.ferrule.cargo.CargoException;
import dev.ferrule.cargo.CargoPackage;
import dev.ferrule.cargo.FeatureSelection;
import dev.ferrule.cargo.UnsafeFeaturePolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The rules over Cargo.toml (the crate's and the workspace root's) and Cargo.lock. */
final class CargoRules {

    private static final TomlMapper TOML = new TomlMapper();
    private static final List<String> DEPENDENCY_TABLES = List.of("dependencies", "build-dependencies",
            "dev-dependencies");

    private final CargoPackage pkg;
    private final Path crateDir;
    private final List<AuditFinding> findings = new ArrayList<>();

    private CargoRules(CargoPackage pkg) {
        this.pkg = pkg;
        this.crateDir = pkg.manifestPath().getParent();
    }

    /**
     * @param projectRoot     path dependencies outside it are findings
     * @param lockCommitted   whether Cargo.lock existed before the build and, in a git work tree, is tracked
     */
    static List<AuditFinding> check(CargoPackage pkg, CrateSources sources, Path projectRoot, boolean lockCommitted,
            String unsafePattern) throws AuditException {
        CargoRules rules = new CargoRules(pkg);
        Manifest manifest = rules.manifest(pkg.manifestPath());
        Manifest root = rules.manifest(pkg.workspaceRoot().resolve("Cargo.toml"));
        rules.unsafeDefaults(manifest, unsafePattern);
        rules.profiles(root, manifest, sources);
        rules.unsafeOpLint(manifest, root, sources);
        if (pkg.hasCdylib() && !lockCommitted) {
            rules.findings.add(new AuditFinding(AuditRule.MISSING_CARGO_LOCK, pkg.name(),
                    AuditRule.MISSING_CARGO_LOCK.message("crate", pkg.name(), "lock",
                            rules.relative(pkg.workspaceRoot().resolve("Cargo.lock"))), root.file(), 0));
        }
        rules.pathDependencies(projectRoot.toAbsolutePath().normalize());
        // The build writes a missing lock file, so it is read even when it was not committed.
        Path lock = pkg.workspaceRoot().resolve("Cargo.lock");
        if (Files.isRegularFile(lock)) {
            rules.lockFile(lock);
        }
        return rules.findings;
    }

    /** A parsed TOML file and its lines, so findings can point at the key. */
    private record Manifest(String file, JsonNode toml, List<String> lines) {

        /** The 1-based line of {@code key} in table {@code [header]}, or of the header, or 0. */
        int line(String header, String key) {
            int headerLine = -1;
            for (int i = 0; i < lines.size(); i++) {
                String text = lines.get(i).strip();
                if (text.startsWith("[")) {
                    if (headerLine >= 0) {
                        break;
                    }
                    if (text.replace(" ", "").equals("[" + header + "]")) {
                        headerLine = i;
                    }
                } else if (headerLine >= 0 && key != null && keyOf(text).equals(key)) {
                    return i + 1;
                }
            }
            return headerLine + 1;
        }

        private static String keyOf(String text) {
            int equals = text.indexOf('=');
            return equals < 0 ? "" : text.substring(0, equals).strip().replace("\"", "");
        }
    }

    private Manifest manifest(Path path) throws AuditException {
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            return new Manifest(relative(path), TOML.readTree(text), text.lines().toList());
        } catch (IOException e) {
            throw new AuditException("Could not read " + path + ": " + e.getMessage(), e);
        }
    }

    private String relative(Path path) {
        return crateDir.relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private void unsafeDefaults(Manifest manifest, String unsafePattern) throws AuditException {
        UnsafeFeaturePolicy policy;
        try {
            policy = UnsafeFeaturePolicy.of(unsafePattern, Map.of(), false);
        } catch (CargoException e) {
            throw new AuditException(e.getMessage(), e);
        }
        Set<String> byDefault = new FeatureSelection(List.of(), false, false).resolve(pkg);
        Set<String> risky = new TreeSet<>();
        for (String feature : byDefault) {
            if (policy.isRisky(feature)) {
                risky.add(feature);
            }
            for (String entry : pkg.features().getOrDefault(feature, List.of())) {
                int slash = entry.indexOf('/');
                if (slash > 0 && policy.isRisky(entry.substring(slash + 1))) {
                    risky.add(entry);
                }
            }
        }
        int line = manifest.line("features", "default");
        risky.forEach(feature -> findings.add(new AuditFinding(AuditRule.UNSAFE_DEFAULT_FEATURE, feature,
                AuditRule.UNSAFE_DEFAULT_FEATURE.message("feature", feature), manifest.file(), line)));
    }

    private void profiles(Manifest root, Manifest manifest, CrateSources sources) {
        boolean expectsUnwinding = dependsOn(manifest.toml(), "ferrule-ffi") || sources.mentions("catch_unwind");
        JsonNode profiles = root.toml().path("profile");
        for (Map.Entry<String, JsonNode> profile : profiles.properties()) {
            if (expectsUnwinding && "abort".equals(profile.getValue().path("panic").asText(null))) {
                findings.add(new AuditFinding(AuditRule.PANIC_ABORT_WITH_UNWINDING, "profile." + profile.getKey()
                        + ".panic", AuditRule.PANIC_ABORT_WITH_UNWINDING.message("profile", profile.getKey()),
                        root.file(), root.line("profile." + profile.getKey(), "panic")));
            }
        }
        JsonNode overflow = profiles.path("release").path("overflow-checks");
        if (!overflow.asBoolean(false)) {
            findings.add(new AuditFinding(AuditRule.OVERFLOW_CHECKS_OFF, "profile.release.overflow-checks",
                    AuditRule.OVERFLOW_CHECKS_OFF.message("state", overflow.isMissingNode()
                            ? "does not set overflow-checks, and release builds default to off"
                            : "sets overflow-checks = " + overflow.asText()),
                    root.file(), root.line("profile.release", "overflow-checks")));
        }
    }

    private static boolean dependsOn(JsonNode manifest, String crate) {
        for (String table : DEPENDENCY_TABLES) {
            JsonNode deps = manifest.path(table);
            if (deps.has(crate) || deps.has(crate.replace('-', '_'))) {
                return true;
            }
        }
        return false;
    }

    private void unsafeOpLint(Manifest manifest, Manifest root, CrateSources sources) {
        // The lint is only about the bodies of unsafe fns; a crate without one has nothing to deny.
        if (sources.files().stream().noneMatch(CargoRules::declaresUnsafeFn)
                || denies(manifest.toml().path("lints").path("rust").path("unsafe_op_in_unsafe_fn"))
                || manifest.toml().path("lints").path("workspace").asBoolean(false)
                && denies(root.toml().path("workspace").path("lints").path("rust").path("unsafe_op_in_unsafe_fn"))) {
            return;
        }
        RustSource lib = sources.libRoot().orElse(null);
        if (lib != null) {
            for (int i = 0; i + 4 < lib.size(); i++) {
                if (lib.matches(i, "#", "!", "[") && (lib.matches(i + 3, "deny") || lib.matches(i + 3, "forbid"))) {
                    int close = lib.matching(i + 2);
                    for (int j = i + 4; j < close; j++) {
                        if (lib.token(j).is("unsafe_op_in_unsafe_fn")) {
                            return;
                        }
                    }
                }
            }
        }
        findings.add(new AuditFinding(AuditRule.UNSAFE_OP_IN_UNSAFE_FN_ALLOWED, pkg.name(),
                AuditRule.UNSAFE_OP_IN_UNSAFE_FN_ALLOWED.message(), lib == null ? manifest.file() : lib.path(), 1));
    }

    /**
     * {@code unsafe fn}, {@code unsafe extern "C" fn} or {@code unsafe extern fn}, also where a
     * macro_rules! body writes one for its callers.
     */
    static boolean declaresUnsafeFn(RustSource source) {
        for (int i = 0; i + 1 < source.size(); i++) {
            if (!source.matches(i, "unsafe")) {
                continue;
            }
            int next = i + 1;
            if (source.matches(next, "extern")) {
                next++;
                if (next < source.size() && source.token(next).kind() == RustSource.Kind.STRING) {
                    next++;
                }
            }
            if (source.matches(next, "fn")) {
                return true;
            }
        }
        return false;
    }

    private static boolean denies(JsonNode level) {
        String value = level.isObject() ? level.path("level").asText("") : level.asText("");
        return value.equals("deny") || value.equals("forbid");
    }

    /** Path dependencies of the workspace's members, and of theirs, that leave the project. */
    private void pathDependencies(Path projectRoot) throws AuditException {
        Deque<Path> pending = new ArrayDeque<>(pkg.workspaceManifests());
        Set<Path> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            Path manifestPath = pending.pop().toAbsolutePath().normalize();
            if (!seen.add(manifestPath) || !Files.isRegularFile(manifestPath)) {
                continue;
            }
            Manifest manifest = manifest(manifestPath);
            for (Map.Entry<String, JsonNode> dep : dependencies(manifest.toml())) {
                String path = dep.getValue().path("path").asText(null);
                if (path == null) {
                    continue;
                }
                Path target = manifestPath.getParent().resolve(path).normalize();
                if (target.startsWith(projectRoot)) {
                    pending.add(target.resolve("Cargo.toml"));
                } else {
                    findings.add(new AuditFinding(AuditRule.PATH_DEPENDENCY, dep.getKey(),
                            AuditRule.PATH_DEPENDENCY.message("name", dep.getKey(), "path", path, "root", projectRoot),
                            manifest.file(), lineOfDependency(manifest, dep.getKey())));
                }
            }
        }
    }

    private static List<Map.Entry<String, JsonNode>> dependencies(JsonNode manifest) {
        List<Map.Entry<String, JsonNode>> all = new ArrayList<>();
        List<JsonNode> tables = new ArrayList<>();
        DEPENDENCY_TABLES.forEach(t -> tables.add(manifest.path(t)));
        manifest.path("target").forEach(target -> DEPENDENCY_TABLES.forEach(t -> tables.add(target.path(t))));
        tables.forEach(table -> table.properties().forEach(all::add));
        return all;
    }

    private static int lineOfDependency(Manifest manifest, String name) {
        for (int i = 0; i < manifest.lines().size(); i++) {
            String text = manifest.lines().get(i).strip();
            if (text.startsWith(name + " ") || text.startsWith(name + "=") || text.startsWith(name + ".")
                    || text.endsWith("." + name + "]")) {
                return i + 1;
            }
        }
        return 0;
    }

    private void lockFile(Path lock) throws AuditException {
        Manifest manifest = manifest(lock);
        Map<String, TreeSet<String>> versions = new TreeMap<>();
        for (JsonNode entry : manifest.toml().path("package")) {
            String name = entry.path("name").asText();
            String version = entry.path("version").asText();
            versions.computeIfAbsent(name, n -> new TreeSet<>()).add(version);
            String source = entry.path("source").asText("");
            if (source.startsWith("git+")) {
                findings.add(new AuditFinding(AuditRule.GIT_DEPENDENCY, name, AuditRule.GIT_DEPENDENCY.message("name",
                        name, "version", version, "source", source.replaceFirst("#.*", "")), manifest.file(),
                        lockLine(manifest, name, version)));
            }
        }
        versions.forEach((name, found) -> {
            if (found.size() > 1) {
                findings.add(new AuditFinding(AuditRule.DUPLICATE_DEPENDENCY, name,
                        AuditRule.DUPLICATE_DEPENDENCY.message("name", name, "count", found.size(), "versions",
                                String.join(", ", found)), manifest.file(), lockLine(manifest, name, found.first())));
            }
        });
    }

    private static int lockLine(Manifest lock, String name, String version) {
        List<String> lines = lock.lines();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).equals("name = \"" + name + "\"") && lines.get(i + 1).equals("version = \"" + version
                    + "\"")) {
                return i + 1;
            }
        }
        return 0;
    }
}
