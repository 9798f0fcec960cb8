package dev.ferrule.init;

import dev.ferrule.abi.AbiException;
import dev.ferrule.abi.AbiSnapshots;
import dev.ferrule.abi.ExtractedAbi;
import dev.ferrule.abi.FingerprintedBuild;
import dev.ferrule.cargo.BuildLog;
import dev.ferrule.cargo.CargoBuildRequest;
import dev.ferrule.cargo.CargoException;
import dev.ferrule.cargo.FeatureSelection;
import dev.ferrule.cargo.UnsafeFeaturePolicy;
import dev.ferrule.bind.BindingException;
import dev.ferrule.bind.BindingSnapshots;
import dev.ferrule.bind.JavaNames;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files {@code ferrule:init} writes: the template crate and ferrule-ffi (packed into the
 * plugin from {@code rust-template/} when the plugin is built) renamed to the new crate, a POM
 * with the plugin's goals bound, and a JUnit test of the generated bindings. Nothing is written
 * when any file exists already, unless forced.
 */
public final class Scaffold {

    private static final String RESOURCES = "dev/ferrule/init/";
    private static final Pattern CRATE_NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern JAVA_PACKAGE = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*");
    private static final Set<String> RUST_KEYWORDS = Set.of("as", "break", "const", "continue", "crate", "else",
            "enum", "extern", "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
            "pub", "ref", "return", "self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use",
            "where", "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final", "macro",
            "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "test", "std", "core", "alloc");

    /**
     * @param crateName    the Rust crate and library name (snake_case); exported symbols start with it
     * @param packageName  the Java package of the generated bindings and the sample test
     */
    public record Request(Path directory, String groupId, String artifactId, String version, String crateName,
            String packageName, String ferruleVersion, boolean force) {
    }

    private Scaffold() {
    }

    /**
     * Builds the new project's crate and writes its first ABI snapshots into {@code src/main/abi}.
     *
     * @return the files written, relative to {@code directory}: the snapshots and the Cargo.lock
     *         the build created
     */
    public static List<Path> writeFirstSnapshots(Path directory, BuildLog log)
            throws CargoException, AbiException, BindingException {
        return writeFirstSnapshots(directory, directory.resolve("src/main/rust"), log);
    }

    /**
     * As {@link #writeFirstSnapshots(Path, BuildLog)} for a crate in {@code crateDir}.
     *
     * @return the files written, relative to {@code directory}: the snapshots, and the crate's
     *         Cargo.lock when the build created it
     */
    public static List<Path> writeFirstSnapshots(Path directory, Path crateDir, BuildLog log)
            throws CargoException, AbiException, BindingException {
        Path lock = crateDir.resolve("Cargo.lock");
        boolean hadLock = Files.exists(lock);
        List<Path> written = new ArrayList<>();
        FingerprintedBuild.Result built = new FingerprintedBuild(log).buildAndExtract(buildRequest(directory,
                crateDir));
        for (ExtractedAbi abi : built.abis()) {
            Path file = AbiSnapshots.fileFor(directory.resolve("src/main/abi"), abi.snapshotName());
            BindingSnapshots.write(file, abi.model(), built.build().crate().ferruleMetadata(), false,
                    directory.resolve("target/ferrule"));
            written.add(directory.relativize(file));
        }
        if (!hadLock && Files.exists(lock)) {
            written.add(directory.toAbsolutePath().relativize(lock.toAbsolutePath()));
        }
        return written;
    }

    /**
     * How the new project's crate is built for its first snapshot: as {@code mvn verify} will
     * build it with the POM's defaults, output under {@code target/}.
     */
    private static CargoBuildRequest buildRequest(Path directory, Path crateDir) {
        Path target = directory.resolve("target");
        return new CargoBuildRequest(crateDir, target.resolve("cargo"),
                target.resolve("classes"), target.resolve("ferrule"), directory,
                new FeatureSelection(List.of(), false, false), "release", List.of(), List.of(), Map.of(),
                UnsafeFeaturePolicy.DEFAULT_PATTERN, Map.of(), false);
    }

    /** The artifactId a directory suggests: its name, lower case, with runs of other characters as '-'. */
    public static String artifactIdFor(Path directory) {
        Path name = directory.toAbsolutePath().normalize().getFileName();
        String id = (name == null ? "" : name.toString()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        return id.isEmpty() || !Character.isLetter(id.charAt(0)) ? "ferrule-app" : id;
    }

    /** The crate name an artifactId suggests: {@code my-lib} gives {@code my_lib}. */
    public static String crateNameFor(String artifactId) {
        return artifactId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    }

    /**
     * What init did.
     *
     * @param written     the files written, relative to the directory, in order
     * @param pomChanges  in an existing module, what was added to its pom.xml; empty otherwise
     */
    public record Result(List<Path> written, List<String> pomChanges) {
    }

    /**
     * Writes the project. In a directory with a pom.xml (an existing module), the POM is edited
     * instead of written: Ferrule's dependencies and plugins are added to it.
     *
     * @throws InitException when a name is unusable or files exist and {@code force} is off; nothing is written then
     */
    public static Result write(Request request) throws InitException {
        validate(request);
        Map<Path, String> files = render(request);
        Path pom = request.directory().resolve("pom.xml");
        PomEditor.Edit pomEdit = null;
        if (Files.isRegularFile(pom)) {
            files.remove(Path.of("pom.xml"));
            String text;
            try {
                text = Files.readString(pom, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new InitException("Could not read " + pom + ": " + e.getMessage(), e);
            }
            boolean usesFerrule = text.contains("<artifactId>ferrule-maven-plugin</artifactId>");
            if (!usesFerrule || !request.force()) {
                pomEdit = PomEditor.addFerrule(text, request.packageName(), request.ferruleVersion());
            }
        }
        List<Path> existing = files.keySet().stream().filter(p -> Files.exists(request.directory().resolve(p)))
                .toList();
        if (!existing.isEmpty() && !request.force()) {
            throw new InitException("ferrule:init writes nothing, because these files exist already: "
                    + existing.stream().map(Path::toString).toList() + ". Run it in an empty directory, or pass"
                    + " -Dferrule.init.force=true to overwrite them.");
        }
        List<Path> written = new ArrayList<>();
        try {
            for (Map.Entry<Path, String> file : files.entrySet()) {
                Path target = request.directory().resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
                written.add(file.getKey());
            }
            if (pomEdit != null) {
                Files.writeString(pom, pomEdit.pom(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new InitException("Could not write the project into " + request.directory() + ": " + e.getMessage()
                    + (written.isEmpty() ? "" : ". Written so far: " + written), e);
        }
        return new Result(written, pomEdit == null ? List.of() : pomEdit.changes());
    }

    private static void validate(Request request) throws InitException {
        if (!CRATE_NAME.matcher(request.crateName()).matches() || RUST_KEYWORDS.contains(request.crateName())) {
            throw new InitException("'" + request.crateName() + "' cannot name the crate: use snake_case letters,"
                    + " digits and '_', starting with a letter, and no Rust keyword. Set -Dferrule.init.crateName=...");
        }
        if (!JAVA_PACKAGE.matcher(request.packageName()).matches()) {
            throw new InitException("'" + request.packageName() + "' is not a Java package name in lower case."
                    + " Set -Dferrule.init.packageName=com.example.mylib");
        }
    }

    /** Every file, path relative to the project, in a stable order. */
    static Map<Path, String> render(Request request) throws InitException {
        // The generator names the library class this way; the sample test must use the same name.
        String camel = JavaNames.upperCamel(request.crateName());
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(Path.of("pom.xml"), fill(resource("pom.xml"), request, camel));
        for (Map.Entry<String, String> crateFile : crateFiles().entrySet()) {
            String path = crateFile.getKey();
            String text = crateFile.getValue();
            if (path.startsWith("src/main/rust/ferrule-ffi/") || path.startsWith("src/main/rust/ferrule-macros/")) {
                text = path.endsWith("Cargo.toml") ? inlineWorkspaceKeys(text) : text;
            } else {
                text = renameTemplate(text, request.crateName(), camel);
                if (path.equals("src/main/rust/Cargo.toml")) {
                    text = standaloneManifest(text);
                }
            }
            files.put(Path.of(path), text);
        }
        files.put(Path.of("src/main/rust/.gitignore"), "/target\n");
        files.put(Path.of("src/test/java").resolve(request.packageName().replace('.', '/'))
                .resolve(camel + "Test.java"), fill(resource("SampleTest.java"), request, camel));
        return files;
    }

    /** The template crate's names become the new crate's: template_add -> mylib_add, TemplateError -> MylibError. */
    static String renameTemplate(String text, String crateName, String camel) {
        return text.replaceAll("\\btemplate_", Matcher.quoteReplacement(crateName + "_"))
                .replaceAll("\\btemplate\\b", Matcher.quoteReplacement(crateName))
                .replaceAll("Template", Matcher.quoteReplacement(camel));
    }

    /** The template's manifest takes edition, license and publish from its workspace; the new crate is its own. */
    private static String standaloneManifest(String text) {
        return inlineWorkspaceKeys(text)
                .replace("path = \"../ferrule-ffi\"", "path = \"ferrule-ffi\"")
                + "\n[workspace]\nmembers = [\"ferrule-ffi\", \"ferrule-macros\"]\n\n[profile.release]\n"
                + "# Arithmetic overflow is a bug at an FFI boundary, not something to wrap silently.\n"
                + "overflow-checks = true\n";
    }

    private static String inlineWorkspaceKeys(String text) {
        return text.replace("edition.workspace = true", "edition = \"2021\"")
                .replace("license.workspace = true", "license = \"Apache-2.0\"")
                .replace("publish.workspace = true", "publish = false");
    }

    private static String fill(String template, Request request, String camel) {
        return template.replace("@crateDirConfig@", "").replace("@crateShown@", "src/main/rust")
                .replace("@groupId@", request.groupId())
                .replace("@artifactId@", request.artifactId())
                .replace("@version@", request.version())
                .replace("@crateName@", request.crateName())
                .replace("@Camel@", camel)
                .replace("@packageName@", request.packageName())
                .replace("@ferruleVersion@", request.ferruleVersion());
    }

    static String resource(String name) throws InitException {
        try (InputStream in = Scaffold.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new InitException("The plugin is missing its scaffold file " + RESOURCES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InitException("Could not read the scaffold file " + name + ": " + e.getMessage(), e);
        }
    }

    /** The crate files packed into the plugin, by path in the new project. */
    private static Map<String, String> crateFiles() throws InitException {
        Map<String, String> files = new java.util.TreeMap<>();
        try {
            Path location = Path.of(Scaffold.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                collect(location.resolve(RESOURCES + "scaffold"), files);
            } else {
                try (FileSystem jar = FileSystems.newFileSystem(location)) {
                    collect(jar.getPath(RESOURCES + "scaffold"), files);
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new InitException("Could not read the template crate packed into the plugin: " + e.getMessage(), e);
        }
        if (!files.containsKey("src/main/rust/Cargo.toml")) {
            throw new InitException("The plugin was built without the template crate (" + RESOURCES + "scaffold).");
        }
        return files;
    }

    private static void collect(Path root, Map<String, String> files) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readString(file,
                        StandardCharsets.UTF_8));
            }
        }
    }
}
