package dev.ferrule.gen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrule.abi.AbiModel;
import dev.ferrule.abi.AbiSnapshots;
import dev.ferrule.bind.Carrier;
import dev.ferrule.util.Processes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The raw layer generated from real ABI snapshots: golden text, determinism, and javac. */
class RawBindingGeneratorTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/gen");
    private static final Path ABI_FIXTURE = Path.of(
            "src/test/resources/golden/abi_fixture-x86_64-unknown-linux-gnu.abi.json");
    private static final Path TEMPLATE = Path.of(
            "src/test/resources/snapshots/export-macro-template.abi.json");

    @TempDir
    Path work;

    private static GenerationResult generate(Path snapshot, String className, List<String> includes,
            List<String> excludes) throws Exception {
        AbiModel model = AbiSnapshots.read(snapshot);
        return Bindings.generate(model, new GeneratorConfig("dev.ferrule.generated", className, includes,
                excludes).withLibraries(LIBRARIES));
    }

    /** The raw class: the first of the generated sources. */
    private static String raw(GenerationResult result) {
        assertThat(result.sources().get(0).path()).endsWith("Native.java");
        return result.sources().get(0).content();
    }

    /** Two platforms' builds, out of order, as ferrule:generate passes them. */
    private static final Map<String, String> LIBRARIES = Map.of(
            "macos-aarch64", "1f".repeat(32), "linux-x86_64", "0a".repeat(32));

    @Test
    void theRawClassPinsEveryLibraryByItsSha256AndLoadsNoOther() throws Exception {
        String content = raw(generate(TEMPLATE, "TemplateNative", List.of(), List.of()));

        assertThat(content).contains("public static final Map<String, String> LIBRARY_SHA256 = Map.ofEntries("
                + "Map.entry(\"linux-x86_64\", \"" + "0a".repeat(32) + "\"), Map.entry(\"macos-aarch64\", \""
                + "1f".repeat(32) + "\"));")
                .contains("NativeLibrary.load(TemplateNative.class, LIBRARY, new NativeLibrary.Expected("
                        + "LIBRARY_SHA256, FEATURES))")
                .doesNotContain("NativeLibrary.load(TemplateNative.class, LIBRARY)");
    }

    @Test
    void abiFixtureBindingsMatchGolden() throws Exception {
        GeneratedSource source = generate(ABI_FIXTURE, "AbiFixtureNative", List.of(), List.of()).sources().get(0);
        Path golden = GOLDEN.resolve("AbiFixtureNative.java.txt");
        if (Boolean.getBoolean("ferrule.updateGolden")) {
            Files.writeString(golden, source.content(), StandardCharsets.UTF_8);
        }
        assertThat(source.path()).isEqualTo("dev/ferrule/generated/AbiFixtureNative.java");
        assertThat(source.content()).isEqualTo(Files.readString(golden));
    }

    @Test
    void safeLayerIsGeneratedOnlyForFerruleFfiCrates() throws Exception {
        GeneratorConfig config = new GeneratorConfig("dev.ferrule.generated", "X", List.of(), List.of());
        assertThat(Bindings.generate(AbiSnapshots.read(TEMPLATE), config).sources()).hasSizeGreaterThan(1);
        assertThat(Bindings.generate(AbiSnapshots.read(ABI_FIXTURE), config).sources()).hasSize(1);
    }

    @Test
    void sameModelGivesIdenticalBytes() throws Exception {
        String first = raw(generate(TEMPLATE, "TemplateNative", List.of(), List.of()));
        String second = raw(generate(TEMPLATE, "TemplateNative", List.of(), List.of()));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void functionsWithoutCLayoutAreSkippedAndReported() throws Exception {
        GenerationResult result = generate(ABI_FIXTURE, "AbiFixtureNative", List.of(), List.of());

        assertThat(result.skipped()).containsExactly(
                "fx_bad_str: parameter `text` (&str) has no C layout (see the ABI findings)");
        assertThat(raw(result)).doesNotContain("fx_bad_str(");
        assertThat(result.considered()).isEqualTo(result.bound().size() + 1);
        assertThat(result.bound()).contains("fx_add").doesNotContain("fx_bad_str");
    }

    @Test
    void theSummaryCountsWhatWasBoundAndListsWhatWasNot() throws Exception {
        AbiModel model = AbiSnapshots.read(ABI_FIXTURE);
        Bindings.Written written = Bindings.generateInto(model, new GeneratorConfig("dev.ferrule.generated",
                "AbiFixtureNative", List.of(), List.of()), work.resolve("generated"), work.resolve("state"));
        Bindings.Summary summary = written.summary("dev.ferrule.generated", "AbiFixtureNative", Path.of("gen"));

        int exports = model.functions().size();
        assertThat(summary.line()).startsWith("Generated dev.ferrule.generated.AbiFixtureNative: " + (exports - 1)
                + " of " + exports + " exported function(s) bound in the raw layer, 1 not (listed below);");
        assertThat(summary.notBound()).containsExactly(
                "Not bound: fx_bad_str: parameter `text` (&str) has no C layout (see the ABI findings)");
    }

    @Test
    void constantLiteralsHaveTheWidthOfTheirCarrier() {
        assertThat(RawTypeMembers.literal(Carrier.of(Carrier.Kind.INT), -1).toString()).isEqualTo("-1");
        assertThat(RawTypeMembers.literal(Carrier.of(Carrier.Kind.BYTE), -1).toString()).isEqualTo("(byte) -1");
        assertThat(RawTypeMembers.literal(Carrier.of(Carrier.Kind.LONG), -3).toString()).isEqualTo("-3L");
        assertThat(RawTypeMembers.literal(Carrier.of(Carrier.Kind.BOOLEAN), 1).toString()).isEqualTo("true");
    }

    @Test
    void includeAndExcludeFiltersSelectFunctions() throws Exception {
        String content = raw(generate(TEMPLATE, "TemplateNative", List.of("template_counter_*"),
                List.of("*_clone")));

        assertThat(content).contains("public static int template_counter_add(")
                .doesNotContain("template_counter_clone(").doesNotContain("template_greet(")
                .as("the safe layer's runtime exports are bound whatever the filters say")
                .contains("public static long template_last_error_length(");
    }

    @Test
    void layoutsComeFromTheModelWithPaddingAndAreCheckedAtStartup() throws Exception {
        String content = raw(generate(ABI_FIXTURE, "AbiFixtureNative", List.of(), List.of()));

        assertThat(content).contains("MemoryLayout.paddingLayout(7L)")
                .contains("checkLayout(POINT_LAYOUT, \"Point\", 24L, 8L);")
                .contains("if (RECT_LAYOUT.byteOffset(PathElement.groupElement(\"flags\")) != 48L)")
                .contains("public static final byte COLOR_BLUE = (byte) 40;")
                .contains("public static final FunctionDescriptor VISITOR_DESCRIPTOR");
    }

    /** A packed struct, as in the check-abi corpus (case 24): fields off their natural alignment. */
    private static AbiModel packedModel() {
        AbiModel.TypeRef u8 = new AbiModel.TypeRef("uint8_t", "u8", null, null);
        AbiModel.TypeRef u32 = new AbiModel.TypeRef("uint32_t", "u32", null, null);
        AbiModel.AbiType wire = new AbiModel.AbiType("Wire", "demo::Wire", AbiModel.TypeKind.STRUCT, "C, packed(1)",
                5L, 1L, List.of(new AbiModel.Field("tag", u8, 0L, null), new AbiModel.Field("value", u32, 1L, null)),
                null, null, null, null, null, null, null, null);
        AbiModel.AbiFunction read = new AbiModel.AbiFunction("wire_value", "wire_value", "demo::wire_value", "C",
                List.of(new AbiModel.Param("wire", new AbiModel.TypeRef("struct Wire", "Wire", null, null))), u32,
                false, false, false, null, null, null, null);
        return new AbiModel(AbiModel.SCHEMA_VERSION, new AbiModel.CrateInfo("demo", "1.0.0", "demo"),
                new AbiModel.BuildTarget("x86_64-unknown-linux-gnu", List.of(), "release"), List.of(read),
                List.of(wire), List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void packedStructFieldsCarryTheirReducedAlignment() throws Exception {
        String content = raw(Bindings.generate(packedModel(), new GeneratorConfig("dev.ferrule.generated",
                "PackedNative", List.of(), List.of())));

        assertThat(content).contains("ValueLayout.JAVA_INT.withByteAlignment(1L).withName(\"value\")")
                .contains("checkLayout(WIRE_LAYOUT, \"Wire\", 5L, 1L);");
    }

    @Test
    void generatedSourcesCompileWithoutWarnings() throws Exception {
        List<GeneratedSource> sources = new ArrayList<>();
        for (GenerationResult result : List.of(
                generate(ABI_FIXTURE, "AbiFixtureNative", List.of(), List.of()),
                generate(TEMPLATE, "TemplateNative", List.of(), List.of()),
                Bindings.generate(packedModel(), new GeneratorConfig("dev.ferrule.generated",
                        "PackedNative", List.of(), List.of())))) {
            sources.addAll(result.sources());
        }

        Processes.Result result = GeneratedJava.compile(sources, work);

        assertThat(result.stdout() + result.stderr()).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(work.resolve("classes/dev/ferrule/generated/TemplateNative.class")).exists();
        assertThat(work.resolve("classes/dev/ferrule/generated/Template.class")).exists();
        assertThat(work.resolve("classes/dev/ferrule/generated/Counter.class")).exists();
        assertThat(work.resolve("classes/dev/ferrule/generated/StepCallback.class")).exists();
        assertThat(work.resolve("classes/dev/ferrule/generated/CounterSettings.class")).exists();
        assertThat(work.resolve("classes/dev/ferrule/generated/OverflowMode.class")).exists();
        assertThat(work.resolve("classes/dev/ferrule/generated/TemplateException$StaleHandleException.class"))
                .exists();
    }
}
