package dev.ferrule.maven;

import dev.ferrule.abi.ExtractedAbi;
import dev.ferrule.abi.FingerprintedBuild;
import dev.ferrule.cargo.BoundLibraries;
import dev.ferrule.cargo.CargoException;
import dev.ferrule.cargo.NativeAssembler;
import dev.ferrule.cargo.RustToolchain;
import dev.ferrule.gen.Bindings;
import dev.ferrule.gen.GenerationException;
import dev.ferrule.gen.GeneratorConfig;
import dev.ferrule.bind.JavaNames;
import dev.ferrule.gen.NativeAccess;
import dev.ferrule.gen.TestJvmOptions;
import dev.ferrule.util.Hashing;
import dev.ferrule.util.UpToDateRecord;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Generates Java 22+ FFM bindings for the crate's exported C ABI into
 * {@code target/generated-sources/ferrule} and adds them to the compile source roots. Builds the
 * crate first (skipping cargo when nothing changed), so the bindings always match the library
 * packed into the jar.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractCargoMojo {

    /** In the state directory: what the last successful run saw, so that an unchanged build skips it. */
    static final String UP_TO_DATE_RECORD = "generate-up-to-date.properties";
    private static final String FACT_BOUND = "bound";
    private static final String FACT_WARNINGS = "warnings";
    private static final String FACT_TESTS = "testSources";

    /**
     * The Java package of the generated classes. Defaults to the groupId and the library's name
     * ({@code org.acme} and {@code tinykv} give {@code org.acme.tinykv}), as ferrule:init sets it.
     */
    @Parameter(property = "ferrule.packageName")
    String packageName;

    /**
     * The raw binding class; by default the library name in UpperCamelCase plus {@code Native}.
     * Crates built on ferrule-ffi also get a safe class named after the library, and its exception.
     */
    @Parameter(property = "ferrule.className")
    String className;

    /** Glob patterns of symbols to bind; empty binds every export. */
    @Parameter
    List<String> includes;

    /** Glob patterns of symbols to leave out. */
    @Parameter
    List<String> excludes;

    /**
     * Generate the contract test suite ({@code <Lib>ContractTest}) of the safe layer into the test
     * sources. Needs JUnit Jupiter among the project's test dependencies.
     */
    @Parameter(property = "ferrule.contractTests", defaultValue = "true")
    boolean contractTests;

    /**
     * With Jazzer ({@code com.code-intelligence:jazzer-junit}) among the test dependencies, a fuzz
     * test per method that takes text or bytes is generated. Set this (for example {@code 30s}) to
     * fuzz for that long per method; surefire must then pass {@code JAZZER_FUZZ=1} (see the README).
     */
    @Parameter(property = "ferrule.fuzz")
    String fuzz;

    /**
     * Which tests run in child JVMs, so that a native crash fails one test instead of the test
     * run: {@code class} (one JVM per test class), {@code method} (one per test) or {@code off}
     * (only {@code @CrashIsolated} tests). Reaches the tests through {@code @{ferrule.argLine}}.
     */
    @Parameter(property = "ferrule.crashIsolation", defaultValue = "class")
    String crashIsolation;

    /**
     * The other platforms' builds that the jar will carry (their jars, or directories holding
     * META-INF/native), as listed for ferrule:assemble. The SHA-256 of each of their libraries is
     * compiled into the bindings beside this build's, and the loader opens no other library.
     */
    @Parameter(property = "ferrule.natives")
    List<File> natives;

    /** Contract cases to turn off, each with a {@code <reason>}. */
    @Parameter
    List<ContractTestSkip> contractTestSkips;

    /** Where the contract tests go. */
    @Parameter(defaultValue = "${project.build.directory}/generated-test-sources/ferrule", required = true)
    File generatedTestSourcesDirectory;

    /** Where the sources go. */
    @Parameter(defaultValue = "${project.build.directory}/generated-sources/ferrule", required = true)
    File generatedSourcesDirectory;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    MavenSession session;

    @Inject
    ToolchainManager toolchainManager;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            // Sources generated by an earlier run stay compiled, so that skipping Ferrule never
            // breaks code that calls them, nor makes the compiler see a changed source set.
            boolean generated = generatedSourcesDirectory.isDirectory();
            getLog().info("Skipping ferrule:generate (ferrule.skip=true)" + (generated
                    ? "; the sources it generated earlier stay on the compile path." : "."));
            if (generated) {
                addSourceRoots(generatedTestSourcesDirectory.isDirectory());
            }
            return;
        }
        if (packageName != null && !JavaNames.isPackageName(packageName)) {
            throw new MojoExecutionException("<packageName> '" + packageName + "' is not a Java package name; set"
                    + " it to one, for example <packageName>" + JavaNames.defaultPackage(project.getGroupId(), "mylib")
                    + "</packageName>.");
        }
        TestJvmOptions.CrashIsolation isolation;
        try {
            isolation = TestJvmOptions.CrashIsolation.parse(crashIsolation);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("<crashIsolation>: " + e.getMessage(), e);
        }
        Path record = stateDirectory.toPath().resolve(UP_TO_DATE_RECORD);
        Optional<String> key = upToDateKey();
        Optional<Map<String, String>> unchanged = key.flatMap(k -> UpToDateRecord.unchanged(record, k));
        if (unchanged.isPresent()) {
            resumeUnchanged(unchanged.get(), isolation);
            return;
        }
        forget(record);
        FingerprintedBuild.Result built = buildAndExtract(toRequest());
        // One host library: the bindings describe the ABI, which every target of a release shares.
        ExtractedAbi abi = built.abis().get(0);
        String packageName = this.packageName;
        if (packageName == null) {
            packageName = JavaNames.defaultPackage(project.getGroupId(), abi.model().crate().libName());
            getLog().info("<packageName> is not set; the bindings go to " + packageName + " (the groupId and the"
                    + " library's name). Set <packageName> to choose another.");
        }
        String name = className != null ? className : Bindings.safeClassName(abi.model()) + "Native";
        boolean withContracts = contractTests && hasJUnitJupiter();
        List<NativeAssembler.PlatformBuild> libraries = libraries();
        BoundLibraries bound = BoundLibraries.of(packageName + "." + name, libraries);
        GeneratorConfig config = new GeneratorConfig(packageName, name, includes == null ? List.of() : includes,
                excludes == null ? List.of() : excludes, built.build().crate().ferruleMetadata(), withContracts,
                contractSkips(), hasJazzer() ? fuzzDuration() : null).withLibraries(bound.sha256ByPlatform());
        Path root = generatedSourcesDirectory.toPath();
        Path testRoot = generatedTestSourcesDirectory.toPath();
        Bindings.Written written;
        try {
            written = Bindings.generateInto(abi.model(), config, root, testRoot, stateDirectory.toPath());
        } catch (GenerationException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write generated sources to " + root + ": " + e.getMessage(), e);
        }
        try {
            bound.write(stateDirectory.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("Could not record the bindings' libraries in " + stateDirectory + ": "
                    + e.getMessage(), e);
        }
        String boundLine = "The bindings open only these libraries, by SHA-256: " + libraries.stream()
                .map(library -> library.platform() + (library.from().equals(NativeAssembler.THIS_BUILD) ? ""
                        : " (from " + library.from() + ")")).collect(java.util.stream.Collectors.joining(", ")) + ".";
        getLog().info(boundLine);
        Bindings.Summary summary = written.summary(packageName, name, root);
        summary.notBound().forEach(getLog()::warn);
        boolean withTests = !written.result().testSources().isEmpty();
        addSourceRoots(withTests);
        if (withTests) {
            getLog().info("Generated contract tests in " + testRoot);
        }
        exposeTestArgLines(isolation);
        warnWithoutManifestGrant();
        getLog().info(summary.line());
        if (key.isPresent()) {
            remember(record, key.get(), built, Map.of(FACT_BOUND, boundLine,
                    FACT_WARNINGS, String.join("\n", summary.notBound()), FACT_TESTS, String.valueOf(withTests)));
        }
    }

    /**
     * What decides this goal's output besides the files it records: its configuration, the
     * project's groupId (the default package) and dependencies (JUnit and Jazzer decide the
     * tests), and the Rust toolchain, which {@code rustup update} changes without touching a file
     * of the project. Empty when the toolchain cannot be found; the full run then says why.
     */
    private Optional<String> upToDateKey() {
        try {
            RustToolchain toolchain = RustToolchain.locate(crateDir.toPath(), env == null ? Map.of() : env);
            String dependencies = project.getDependencies().stream().map(d -> d.getManagementKey() + ":"
                    + d.getVersion() + ":" + d.getScope()).sorted().collect(java.util.stream.Collectors.joining(","));
            String text = MojoConfiguration.describe(this) + "groupId=" + project.getGroupId() + "\ndependencies="
                    + dependencies + "\ncargo=" + toolchain.cargo() + "\nrustc=" + toolchain.rustcVersion() + " "
                    + toolchain.hostTriple() + "\n";
            return Optional.of(Hashing.sha256Hex(text.getBytes(StandardCharsets.UTF_8)));
        } catch (CargoException e) {
            return Optional.empty();
        }
    }

    /** Nothing changed since the last run: its sources stand, and only Maven's in-memory state is redone. */
    private void resumeUnchanged(Map<String, String> facts, TestJvmOptions.CrashIsolation isolation) {
        getLog().info("Nothing changed since the last ferrule:generate (configuration, toolchain and every"
                + " recorded file's size and time); skipping cargo, ABI extraction and generation.");
        getLog().info(facts.getOrDefault(FACT_BOUND, ""));
        String warnings = facts.getOrDefault(FACT_WARNINGS, "");
        if (!warnings.isEmpty()) {
            warnings.lines().forEach(getLog()::warn);
        }
        if (contractTests) {
            hasJUnitJupiter();
        }
        addSourceRoots(Boolean.parseBoolean(facts.get(FACT_TESTS)));
        exposeTestArgLines(isolation);
        warnWithoutManifestGrant();
    }

    private void addSourceRoots(boolean withTests) {
        project.addCompileSourceRoot(generatedSourcesDirectory.toPath().toString());
        if (withTests) {
            project.addTestCompileSourceRoot(generatedTestSourcesDirectory.toPath().toString());
        }
    }

    private void forget(Path record) throws MojoExecutionException {
        try {
            UpToDateRecord.forget(record);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not remove " + record + ": " + e.getMessage(), e);
        }
    }

    private void remember(Path record, String key, FingerprintedBuild.Result built, Map<String, String> facts)
            throws MojoExecutionException {
        Path stateDir = stateDirectory.toPath();
        try {
            List<Path> files = new ArrayList<>(FingerprintedBuild.filesOf(built, stateDir));
            files.add(stateDir.resolve(BoundLibraries.FILE_NAME));
            files.add(Path.of(MojoConfiguration.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
            for (File root : List.of(generatedSourcesDirectory, generatedTestSourcesDirectory)) {
                files.addAll(filesUnder(root.toPath()));
            }
            for (File library : natives == null ? List.<File>of() : natives) {
                files.addAll(filesUnder(library.toPath()));
            }
            UpToDateRecord.save(record, key, files, facts, stateDir);
        } catch (IOException | java.net.URISyntaxException e) {
            throw new MojoExecutionException("Could not record this run in " + record + ": " + e.getMessage(), e);
        }
    }

    /** The directory itself too: its time changes when a file is added to or removed from it. */
    private static List<Path> filesUnder(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of(root);
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
            return walk.sorted().toList();
        }
    }

    /** This build's libraries and those of {@code <natives>}, checked to be of one crate and ABI. */
    private List<NativeAssembler.PlatformBuild> libraries() throws MojoFailureException {
        try {
            return NativeAssembler.survey(outputDirectory.toPath(), natives == null ? List.of()
                    : natives.stream().map(file -> file.toPath().toAbsolutePath().normalize()).toList());
        } catch (CargoException e) {
            throw new MojoFailureException("<natives>: " + e.getMessage(), e);
        }
    }

    private java.util.Map<String, String> contractSkips() throws MojoExecutionException {
        java.util.Map<String, String> skips = new java.util.TreeMap<>();
        for (ContractTestSkip entry : contractTestSkips == null ? List.<ContractTestSkip>of() : contractTestSkips) {
            if (entry.getTest() == null || entry.getTest().isBlank()) {
                throw new MojoExecutionException("A <contractTestSkip> has no <test>.");
            }
            if (entry.getReason() == null || entry.getReason().isBlank()) {
                throw new MojoExecutionException("<contractTestSkip> " + entry.getTest() + " has no <reason>: say"
                        + " why the case does not apply, so the report shows it.");
            }
            skips.put(entry.getTest().strip(), entry.getReason().strip());
        }
        return skips;
    }

    private boolean hasJazzer() {
        return project.getDependencies().stream().anyMatch(d -> "com.code-intelligence".equals(d.getGroupId())
                && "jazzer-junit".equals(d.getArtifactId()));
    }

    /** Regression runs ignore the duration; it only bounds fuzzing. */
    private String fuzzDuration() throws MojoExecutionException {
        if (fuzz == null || fuzz.isBlank()) {
            return "5m";
        }
        if (!fuzz.strip().matches("\\d+[smhd]?")) {
            throw new MojoExecutionException("-Dferrule.fuzz=" + fuzz + " is not a duration such as 30s, 5m or 1h.");
        }
        return fuzz.strip();
    }

    /** The contract tests are JUnit 5 tests; without JUnit Jupiter they would not compile. */
    private boolean hasJUnitJupiter() {
        boolean present = project.getDependencies().stream().anyMatch(d -> "org.junit.jupiter".equals(
                d.getGroupId()) && d.getArtifactId().startsWith("junit-jupiter"));
        if (contractTests && !present) {
            getLog().warn("No contract tests: the project has no JUnit Jupiter test dependency"
                    + " (org.junit.jupiter:junit-jupiter). Add it, or set <contractTests>false</contractTests>.");
        }
        return present;
    }

    /**
     * Tests run on the toolchain's JDK, not Maven's, so the options are chosen for that JDK and
     * handed to surefire and failsafe through {@code <argLine>@{ferrule.argLine}</argLine>}.
     * {@code ferrule.nativeAccessArgLine}, the same without crash isolation, stays for builds
     * written before it.
     */
    private void exposeTestArgLines(TestJvmOptions.CrashIsolation isolation) {
        Toolchain jdk = toolchainManager == null || session == null ? null
                : toolchainManager.getToolchainFromBuildContext("jdk", session);
        String java = jdk == null ? null : jdk.findTool("java");
        Path launcher = java != null ? Path.of(java) : Path.of(System.getProperty("java.home"), "bin", "java");
        // Without a known release, only options every FFM JDK (22+) accepts.
        int release = NativeAccess.featureRelease(launcher).orElse(22);
        Path crashDir = Path.of(project.getBuild().getDirectory(), "ferrule", "crash");
        String argLine = TestJvmOptions.argLine(release, crashDir, isolation);
        project.getProperties().setProperty(TestJvmOptions.ARG_LINE_PROPERTY, argLine);
        project.getProperties().setProperty(NativeAccess.ARG_LINE_PROPERTY, NativeAccess.argLine(release, crashDir));
        getLog().info("Tests on JDK " + release + " get '" + argLine + "' through @{"
                + TestJvmOptions.ARG_LINE_PROPERTY + "}");
    }

    /** A jar whose code calls native code should say so, or `java -jar` warns (JDK 24+: refuses). */
    private void warnWithoutManifestGrant() {
        if (!"jar".equals(project.getPackaging())) {
            return;
        }
        Plugin jar = project.getBuild().getPluginsAsMap().get("org.apache.maven.plugins:maven-jar-plugin");
        Xpp3Dom config = jar == null || !(jar.getConfiguration() instanceof Xpp3Dom dom) ? null : dom;
        Xpp3Dom archive = config == null ? null : config.getChild("archive");
        Xpp3Dom entries = archive == null ? null : archive.getChild("manifestEntries");
        if (entries == null || entries.getChild(NativeAccess.MANIFEST_ATTRIBUTE) == null) {
            getLog().warn("The jar of " + project.getArtifactId() + " does not declare "
                    + NativeAccess.MANIFEST_ATTRIBUTE + ", so code run with `java -jar` gets native-access warnings"
                    + " (refusals with --illegal-native-access=deny). Add to maven-jar-plugin's <configuration>:"
                    + " <archive><manifestEntries><Enable-Native-Access>ALL-UNNAMED</Enable-Native-Access>"
                    + "</manifestEntries></archive>");
        }
    }
}
