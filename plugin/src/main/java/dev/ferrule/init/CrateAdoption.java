package dev.ferrule.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ferrule:init} for a crate that exists already: a published C-ABI crate, or one a team
 * wrote before using Ferrule. The POM is written (or edited) to build, bind, check and audit it,
 * and the crate itself is left exactly as it is: no template crate, no ferrule-ffi, no sample
 * test.
 */
public final class CrateAdoption {

    /** Where init looks for a crate when none is named. */
    public static final Path DEFAULT_CRATE_DIR = Path.of("src/main/rust");

    /**
     * @param crateDir     the crate, absolute
     * @param packageName  the bindings' Java package, or null for groupId.libName
     */
    public record Request(Path directory, Path crateDir, String groupId, String artifactId, String version,
            String packageName, String ferruleVersion, boolean force) {
    }

    /** The adopted crate, as its Cargo.toml describes it. */
    /**
     * @param safeLayer  whether the bindings get a safe layer: the crate uses ferrule-ffi, or its
     *                   {@code [package.metadata.ferrule]} asks for one
     */
    public record Crate(String name, String version, String libName, boolean safeLayer) {

        public Crate(String name, String version, String libName) {
            this(name, version, libName, true);
        }
    }

    /**
     * @param crateShown  where the crate is, as the user sees it (relative to the module when inside it)
     * @param written     files written, relative to the directory
     * @param pomChanges  what was added to an existing pom.xml
     */
    public record Result(Crate crate, String crateShown, String groupId, String artifactId, String packageName,
            List<Path> written, List<String> pomChanges) {

        /**
         * What init says at the end, so that it says exactly what it did.
         *
         * @param snapshots  the snapshot files (and a created Cargo.lock) written after this result,
         *                   or null when none were written on purpose
         */
        public List<String> summary(List<Path> snapshots) {
            List<String> lines = new ArrayList<>();
            lines.add("Adopted crate " + crate.name() + " " + crate.version() + " (library " + crate.libName()
                    + ") in " + crateShown + " for " + groupId + ":" + artifactId + ", bindings in package "
                    + packageName + ". The crate's files were left as they are.");
            List<Path> all = new ArrayList<>(written);
            if (snapshots != null) {
                all.addAll(snapshots);
            }
            if (!all.isEmpty()) {
                lines.add("Wrote:");
                all.forEach(file -> lines.add("  " + file));
            }
            if (!pomChanges.isEmpty()) {
                lines.add("Added to pom.xml:");
                pomChanges.forEach(change -> lines.add("  " + change));
            } else if (!written.contains(Path.of("pom.xml"))) {
                lines.add("pom.xml already uses ferrule-maven-plugin and was left alone.");
            }
            if (!crate.safeLayer()) {
                lines.add("The crate neither uses ferrule-ffi nor has [package.metadata.ferrule] errors or objects,"
                        + " so its bindings are the raw layer only. A few declared lines give it a safe layer of"
                        + " classes, strings and typed exceptions: see the site page \"Existing C ABIs\".");
            }
            lines.add("Next: mvn verify (builds the crate, generates the bindings in " + packageName + ", runs cargo"
                    + " test, checks the ABI and audits the boundary). No Java test was written: call the generated"
                    + " classes from your own tests. " + (snapshots != null ? "Commit src/main/abi."
                            : "Run mvn ferrule:snapshot and commit src/main/abi."));
            return lines;
        }
    }

    private CrateAdoption() {
    }

    /** The crate init would adopt in {@code directory} without being told: one in src/main/rust. */
    public static boolean hasCrate(Path directory) {
        return Files.isRegularFile(directory.resolve(DEFAULT_CRATE_DIR).resolve("Cargo.toml"));
    }

    /**
     * Reads the crate's manifest and checks that it can be adopted: a package (not a virtual
     * workspace) that builds a cdylib.
     */
    public static Crate inspect(Path crateDir) throws InitException {
        Path manifest = crateDir.resolve("Cargo.toml");
        if (!Files.isRegularFile(manifest)) {
            throw new InitException("There is no crate to adopt in " + crateDir + ": it has no Cargo.toml. Point"
                    + " -Dferrule.init.crateDir at the directory of the crate's Cargo.toml.");
        }
        JsonNode toml;
        try {
            toml = new TomlMapper().readTree(manifest.toFile());
        } catch (IOException e) {
            throw new InitException(manifest + " is not valid TOML, so init cannot read the crate: "
                    + e.getMessage(), e);
        }
        JsonNode pkg = toml.path("package");
        if (!pkg.path("name").isTextual()) {
            throw new InitException(manifest + " has no [package]" + (toml.has("workspace")
                    ? "; it is a workspace. Point -Dferrule.init.crateDir at the member crate that builds the"
                            + " library Java loads." : "."));
        }
        boolean cdylib = false;
        for (JsonNode type : toml.path("lib").path("crate-type")) {
            cdylib |= type.asText().equals("cdylib");
        }
        if (!cdylib) {
            throw new InitException("Crate " + pkg.path("name").asText() + " (" + manifest + ") does not build a"
                    + " cdylib, which is what Java loads. Add `crate-type = [\"cdylib\", \"rlib\"]` under [lib],"
                    + " then run init again; nothing was written.");
        }
        String name = pkg.path("name").asText();
        String libName = toml.path("lib").path("name").asText(name.replace('-', '_'));
        String version = pkg.path("version").isTextual() ? pkg.path("version").asText() : "(workspace version)";
        JsonNode metadata = pkg.path("metadata").path("ferrule");
        boolean asks = metadata.path("safe-layer").asBoolean(metadata.has("errors") || metadata.has("objects"));
        boolean ferruleFfi = toml.path("dependencies").has("ferrule-ffi");
        return new Crate(name, version, libName, asks || ferruleFfi);
    }

    /** Writes or edits the POM; the crate is not touched. */
    public static Result write(Request request, Crate crate) throws InitException {
        String packageName = request.packageName() != null ? request.packageName()
                : request.groupId() + "." + crate.libName().toLowerCase(Locale.ROOT);
        if (!packageName.matches("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*")) {
            throw new InitException("'" + packageName + "' is not a Java package name in lower case. Set"
                    + " -Dferrule.init.packageName=com.example.mylib; nothing was written.");
        }
        Path pom = request.directory().resolve("pom.xml");
        String crateDir = crateDirSetting(request.directory(), request.crateDir());
        try {
            if (!Files.isRegularFile(pom)) {
                Files.writeString(pom, Scaffold.resource("pom.xml")
                        .replace("@crateDirConfig@", crateDir == null ? ""
                                : "\n          <crateDir>" + crateDir + "</crateDir>")
                        .replace("@crateShown@", crateDir == null ? DEFAULT_CRATE_DIR.toString()
                                : crateDir.substring("${project.basedir}/".length()))
                        .replace("@groupId@", request.groupId())
                        .replace("@artifactId@", request.artifactId())
                        .replace("@version@", request.version())
                        .replace("@packageName@", packageName)
                        .replace("@ferruleVersion@", request.ferruleVersion()), StandardCharsets.UTF_8);
                return result(request, crate, packageName, List.of(Path.of("pom.xml")), List.of());
            }
            String text = Files.readString(pom, StandardCharsets.UTF_8);
            if (text.contains("<artifactId>ferrule-maven-plugin</artifactId>")) {
                if (!request.force()) {
                    throw new InitException("pom.xml already uses ferrule-maven-plugin; ferrule:init leaves it"
                            + " alone. To record the crate's ABI, run mvn ferrule:snapshot; to have init write the"
                            + " first snapshot anyway, pass -Dferrule.init.force=true.");
                }
                return result(request, crate, packageName, List.of(), List.of());
            }
            PomEditor.Edit edit = PomEditor.addFerrule(text, packageName, request.ferruleVersion(), crateDir);
            Files.writeString(pom, edit.pom(), StandardCharsets.UTF_8);
            return result(request, crate, packageName, List.of(), edit.changes());
        } catch (IOException e) {
            throw new InitException("Could not write " + pom + ": " + e.getMessage(), e);
        }
    }

    private static Result result(Request request, Crate crate, String packageName, List<Path> written,
            List<String> pomChanges) {
        Path module = request.directory().toAbsolutePath().normalize();
        Path dir = request.crateDir().toAbsolutePath().normalize();
        String shown = dir.startsWith(module) ? module.relativize(dir).toString().replace('\\', '/') : dir.toString();
        return new Result(crate, shown, request.groupId(), request.artifactId(), packageName, written, pomChanges);
    }

    /**
     * The plugin's {@code <crateDir>}, relative to the module so the POM works from any clone;
     * null for the default src/main/rust.
     */
    static String crateDirSetting(Path directory, Path crateDir) {
        Path module = directory.toAbsolutePath().normalize();
        Path crate = crateDir.toAbsolutePath().normalize();
        if (crate.equals(module.resolve(DEFAULT_CRATE_DIR))) {
            return null;
        }
        return "${project.basedir}/" + module.relativize(crate).toString().replace('\\', '/');
    }
}
