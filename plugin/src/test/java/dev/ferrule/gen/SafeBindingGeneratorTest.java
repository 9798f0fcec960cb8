package dev.ferrule.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferrule.abi.AbiModel;
import dev.ferrule.abi.AbiSnapshots;
import dev.ferrule.cargo.CargoException;
import dev.ferrule.cargo.FerruleMetadata;
import dev.ferrule.util.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The safe layer of the template crate as it was written with {@code export!} (its committed
 * snapshot of then, kept as a fixture): the convention path's golden text of every file, and the
 * metadata rules, each with a case that must trigger it and one that must not.
 */
class SafeBindingGeneratorTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/gen/template");
    private static final Path TEMPLATE = Path.of(
            "src/test/resources/snapshots/export-macro-template.abi.json");

    private static GeneratorConfig config(FerruleMetadata metadata) {
        return new GeneratorConfig("dev.ferrule.generated", "TemplateNative", List.of(), List.of(), metadata);
    }

    private static FerruleMetadata metadata(String json) throws Exception {
        return FerruleMetadata.parse(Json.parse(json), "Cargo.toml");
    }

    private static Map<String, String> byName(GenerationResult result) {
        return result.sources().stream().collect(Collectors.toMap(
                s -> s.path().substring(s.path().lastIndexOf('/') + 1), GeneratedSource::content));
    }

    @Test
    void everyGeneratedFileMatchesItsGolden() throws Exception {
        GenerationResult result = Bindings.generate(AbiSnapshots.read(TEMPLATE), config(FerruleMetadata.NONE));
        if (Boolean.getBoolean("ferrule.updateGolden")) {
            Files.createDirectories(GOLDEN);
            for (GeneratedSource source : result.sources()) {
                Files.writeString(GOLDEN.resolve(fileName(source) + ".txt"), source.content(), StandardCharsets.UTF_8);
            }
        }
        List<String> goldens = new ArrayList<>();
        try (var files = Files.list(GOLDEN)) {
            files.map(f -> f.getFileName().toString()).sorted().forEach(goldens::add);
        }
        assertThat(goldens).as("one golden per generated file, no stale goldens").containsExactlyInAnyOrderElementsOf(
                result.sources().stream().map(s -> fileName(s) + ".txt").toList());
        for (GeneratedSource source : result.sources()) {
            assertThat(source.content()).as(source.path())
                    .isEqualTo(Files.readString(GOLDEN.resolve(fileName(source) + ".txt")));
        }
        assertThat(result.skipped()).isEmpty();
    }

    private static String fileName(GeneratedSource source) {
        return source.path().substring(source.path().lastIndexOf('/') + 1);
    }

    @Test
    void sameInputsGiveIdenticalBytes() throws Exception {
        AbiModel model = AbiSnapshots.read(TEMPLATE);
        assertThat(Bindings.generate(model, config(FerruleMetadata.NONE)))
                .isEqualTo(Bindings.generate(AbiSnapshots.read(TEMPLATE), config(FerruleMetadata.NONE)));
    }

    @Test
    void structsBecomeRecordsAndEnumsJavaEnums() throws Exception {
        Map<String, String> files = byName(Bindings.generate(AbiSnapshots.read(TEMPLATE), config(FerruleMetadata.NONE)));
        assertThat(files.get("CounterSettings.java"))
                .contains("public record CounterSettings(long limit, OverflowMode mode, boolean countZero)")
                .contains("segment.get(ValueLayout.JAVA_INT, 8L)");
        assertThat(files.get("OverflowMode.java")).contains("public static Optional<OverflowMode> tryFromValue(int value)");
        assertThat(files.get("Template.java")).contains("public static CounterStats counterStats(long counter)")
                .contains("public static void counterConfigure(long counter, CounterSettings settings)");
        // FfiBuffer is a boundary type the safe layer hides, so it gets no record.
        assertThat(files).doesNotContainKey("FfiBuffer.java");
    }

    @Test
    void criticalMakesACriticalDowncallAndPassesArraysInPlace() throws Exception {
        FerruleMetadata critical = metadata("{\"functions\":{\"template_checksum\":{\"critical\":true}}}");
        Map<String, String> files = byName(Bindings.generate(AbiSnapshots.read(TEMPLATE), config(critical)));
        assertThat(files.get("TemplateNative.java"))
                .contains("downcall(\"template_checksum\", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS,"
                        + " ValueLayout.JAVA_LONG, ValueLayout.ADDRESS), Linker.Option.critical(true))")
                .contains("A critical downcall");
        assertThat(files.get("Template.java")).contains("MemorySegment data$segment = MemorySegment.ofArray(data$bytes);");

        Map<String, String> plain = byName(Bindings.generate(AbiSnapshots.read(TEMPLATE), config(FerruleMetadata.NONE)));
        assertThat(plain.get("TemplateNative.java")).doesNotContain("Linker.Option.critical(");
        assertThat(plain.get("Template.java")).contains(
                "MemorySegment data$segment = frame$.allocateFrom(ValueLayout.JAVA_BYTE, data$bytes);");
    }

    @Test
    void criticalFunctionThatCallsBackIsRefused() throws Exception {
        FerruleMetadata wrong = metadata("{\"functions\":{\"template_counter_steps\":{\"critical\":true}}}");
        assertThatThrownBy(() -> Bindings.generate(AbiSnapshots.read(TEMPLATE), config(wrong)))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining("template_counter_steps is marked critical but takes the callback 'callback'");
    }

    @Test
    void metadataForAFunctionThatDoesNotExistIsRefused() throws Exception {
        FerruleMetadata stale = metadata("{\"functions\":{\"template_gone\":{\"raw-only\":true}}}");
        assertThatThrownBy(() -> Bindings.generate(AbiSnapshots.read(TEMPLATE), config(stale)))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining("[package.metadata.ferrule.functions.template_gone] names no exported function");
    }

    @Test
    void rawOnlyLeavesTheFunctionToTheRawClass() throws Exception {
        FerruleMetadata rawOnly = metadata("{\"functions\":{\"template_greet\":{\"raw-only\":true}}}");
        GenerationResult result = Bindings.generate(AbiSnapshots.read(TEMPLATE), config(rawOnly));
        assertThat(byName(result).get("Template.java")).doesNotContain("greet(");
        assertThat(byName(result).get("TemplateNative.java")).contains("public static int template_greet(");
        assertThat(result.skipped()).containsExactly(
                "template_greet: raw-only by [package.metadata.ferrule]; use TemplateNative");
    }

    /** A ferrule-ffi-style crate with one export whose pointer says nothing about what it points to. */
    private static AbiModel undecidableModel(String pointerName, String lengthName) {
        AbiModel.TypeRef i32 = new AbiModel.TypeRef("int32_t", "i32", null, null);
        AbiModel.TypeRef usize = new AbiModel.TypeRef("size_t", "usize", null, null);
        AbiModel.TypeRef bytes = new AbiModel.TypeRef("const uint8_t*", "*const u8", AbiModel.Ownership.RAW, null);
        AbiModel.AbiFunction sum = new AbiModel.AbiFunction("demo_sum", "demo_sum", "demo::demo_sum", "C",
                List.of(new AbiModel.Param(pointerName, bytes), new AbiModel.Param(lengthName, usize)), i32, false,
                false, true, null, null, null, null);
        return DemoCrate.withRuntime(sum);
    }

    @Test
    void undecidablePointerStopsGenerationNamingTheFunctionAndTheMetadata() {
        assertThatThrownBy(() -> Bindings.generate(undecidableModel("values", "count"),
                config(FerruleMetadata.NONE)))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining("demo_sum: parameter 'values' (const uint8_t*, Rust *const u8) has no safe Java type")
                .hasMessageContaining("[package.metadata.ferrule.functions.demo_sum]")
                .hasMessageContaining("params = { values = \"bytes\" }")
                .hasMessageContaining("raw-only = true");
    }

    @Test
    void conventionalNamesDecideWithoutMetadata() throws Exception {
        GenerationResult result = Bindings.generate(undecidableModel("values", "len"),
                config(FerruleMetadata.NONE));
        assertThat(byName(result).get("Demo.java")).contains("public static void sum(byte[] values)");
    }

    @Test
    void metadataDecidesWhatNamesCannot() throws Exception {
        FerruleMetadata bytes = metadata("{\"functions\":{\"demo_sum\":{\"params\":{\"values\":\"bytes\"}}}}");
        assertThat(byName(Bindings.generate(undecidableModel("values", "count"), config(bytes)))
                .get("Demo.java")).contains("public static void sum(byte[] values)");
        FerruleMetadata text = metadata("{\"functions\":{\"demo_sum\":{\"params\":{\"values\":\"string\"},"
                + "\"returns\":\"value\"}}}");
        assertThat(byName(Bindings.generate(undecidableModel("values", "count"), config(text)))
                .get("Demo.java")).contains("public static int sum(String values)")
                .contains("return TemplateNative.demo_sum(values$segment, (long) values$bytes.length);");
    }

    @Test
    void metadataIsReadStrictly() throws Exception {
        assertThatThrownBy(() -> metadata("{\"functions\":{\"f\":{\"critcal\":true}}}"))
                .isInstanceOf(CargoException.class).hasMessageContaining("unknown key(s) [critcal]");
        assertThatThrownBy(() -> metadata("{\"functions\":{\"f\":{\"critical\":\"yes\"}}}"))
                .hasMessageContaining("critical must be true or false");
        assertThatThrownBy(() -> metadata("{\"functions\":{\"f\":{\"params\":{\"p\":\"owned\"}}}}"))
                .hasMessageContaining("allowed: [buffer, bytes, callback, out, string]");
        assertThatThrownBy(() -> metadata("{\"errors\":{\"code\":\"E_\"}}"))
                .hasMessageContaining("[package.metadata.ferrule.errors] in Cargo.toml has unknown key(s) [code]");
        assertThatThrownBy(() -> metadata("{\"objects\":{\"db\":{\"shareable\":\"yes\"}}}"))
                .hasMessageContaining("shareable must be true or false");
        assertThatThrownBy(() -> metadata("{\"functions\":{\"f\":{\"returns\":\"owned\"}}}"))
                .hasMessageContaining("returns = \"owned\" and free = \"<function>\" go together");
        assertThatThrownBy(() -> metadata("{\"errors\":{\"error-type\":\"e\"}}"))
                .hasMessageContaining("error-type and error-message go together");
        assertThat(metadata("{\"functions\":{\"f\":{\"critical\":true}}}").safeLayer())
                .as("functions alone ask for no C-ABI safe layer").isFalse();
        assertThat(metadata("{\"errors\":{\"codes\":\"E_\"}}").safeLayer()).isTrue();
        assertThat(metadata("{\"errors\":{\"codes\":\"E_\"},\"safe-layer\":false}").safeLayer()).isFalse();
        assertThatThrownBy(() -> metadata("{\"handles\":{}}")).hasMessageContaining("unknown key(s) [handles]");
        JsonNode missing = Json.parse("{}").path("ferrule");
        assertThat(FerruleMetadata.parse(missing, "Cargo.toml")).isEqualTo(FerruleMetadata.NONE);
        assertThat(metadata("{\"functions\":{\"f\":{\"critical\":true,\"returns\":\"value\"}}}").function("f"))
                .isEqualTo(new FerruleMetadata.FunctionMetadata(true, false, Map.of(), "value"));
    }

    private static GeneratorConfig withContracts(Map<String, String> skips) {
        return new GeneratorConfig("dev.ferrule.generated", "TemplateNative", List.of(), List.of(),
                FerruleMetadata.NONE, true, skips, null);
    }

    @Test
    void fuzzTestsCoverMethodsThatTakeTextOrBytes() throws Exception {
        GenerationResult result = Bindings.generate(AbiSnapshots.read(TEMPLATE), new GeneratorConfig(
                "dev.ferrule.generated", "TemplateNative", List.of(), List.of(), FerruleMetadata.NONE, false, Map.of(),
                "30s"));
        assertThat(result.testSources()).extracting(GeneratedSource::path)
                .containsExactly("dev/ferrule/generated/TemplateFuzzTest.java");
        String fuzz = result.testSources().get(0).content();
        Path golden = Path.of("src/test/resources/golden/gen/TemplateFuzzTest.java.txt");
        if (Boolean.getBoolean("ferrule.updateGolden")) {
            Files.writeString(golden, fuzz, StandardCharsets.UTF_8);
        }
        assertThat(fuzz).isEqualTo(Files.readString(golden));
        assertThat(fuzz).contains("@FuzzTest(maxDuration = \"30s\")\n    void greet(FuzzedDataProvider data)")
                .contains("String arg0 = data.consumeRemainingAsString();")
                .contains("void checksum(FuzzedDataProvider data)").contains("data.consumeRemainingAsBytes()")
                .doesNotContain("void counterAdd(").contains("@FerruleLeakCheck(Template.class)")
                .contains("} catch (TemplateException.PanicException panic) {\n"
                        + "            throw new AssertionError(\"Template.greet panicked: \" + panic.getMessage(), panic);\n"
                        + "        } catch (TemplateException expected) {\n        }");
    }

    @Test
    void contractTestsMatchTheirGolden() throws Exception {
        GenerationResult result = Bindings.generate(AbiSnapshots.read(TEMPLATE), withContracts(Map.of()));
        assertThat(result.testSources()).extracting(GeneratedSource::path)
                .containsExactly("dev/ferrule/generated/TemplateContractTest.java");
        Path golden = Path.of("src/test/resources/golden/gen/TemplateContractTest.java.txt");
        if (Boolean.getBoolean("ferrule.updateGolden")) {
            Files.writeString(golden, result.testSources().get(0).content(), StandardCharsets.UTF_8);
        }
        assertThat(result.testSources().get(0).content()).isEqualTo(Files.readString(golden));
        assertThat(Bindings.generate(AbiSnapshots.read(TEMPLATE), config(FerruleMetadata.NONE)).testSources())
                .as("off unless asked for").isEmpty();
    }

    @Test
    void contractCasesCoverEveryKindOfEdge() throws Exception {
        String suite = Bindings.generate(AbiSnapshots.read(TEMPLATE), withContracts(Map.of())).testSources().get(0)
                .content();
        assertThat(suite).contains("@FerruleLeakCheck(Template.class)")
                .contains("void greet_name_null()").contains("Template.greet((String) null)")
                .contains("void greet_name_large()").contains("void checksum_data_empty()")
                .contains("void counterAdd_amount_min()").contains("Long.MIN_VALUE")
                .contains("void counterAdd_counter_released()").contains("void counterAdd_counter_forged()")
                .contains("void greet_invalidUtf8()").contains("Assertions.assertEquals(-6, TemplateNative.template_greet(")
                .contains("void counterHandle_doubleClose()").contains("void counterHandle_useAfterClose()")
                .contains("void counterHandle_useRacingClose()")
                .contains("Template.counterRelease(Template.counterNew(Long.MIN_VALUE));");
    }

    @Test
    void aSkippedCaseIsDisabledWithItsReason() throws Exception {
        String suite = Bindings.generate(AbiSnapshots.read(TEMPLATE), withContracts(Map.of("greet_name_large",
                "greets are short \"by design\""))).testSources().get(0).content();
        assertThat(suite).contains("@Disabled(\"greets are short \\\"by design\\\"\")\n    "
                + "void greet_name_large()");
        assertThat(suite).doesNotContain("@Disabled(\"greets are short \\\"by design\\\"\")\n    "
                + "void greet_name_empty()");
    }

    @Test
    void aSkipThatNamesNoCaseIsRefused() {
        assertThatThrownBy(() -> Bindings.generate(AbiSnapshots.read(TEMPLATE), withContracts(Map.of(
                "greet_name_huge", "typo"))))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining("greet_name_huge")
                .hasMessageContaining("greet_name_large");
    }

    @Test
    void staleGeneratedFilesAreDeleted(@TempDir Path root) throws Exception {
        Path stale = root.resolve("dev/ferrule/generated/Removed.java");
        Files.createDirectories(stale.getParent());
        Files.writeString(stale, "class Removed {}");
        Bindings.Written first = Bindings.generateInto(AbiSnapshots.read(TEMPLATE), config(FerruleMetadata.NONE), root,
                root.resolveSibling("state"));
        assertThat(stale).doesNotExist();
        assertThat(first.deleted()).isEqualTo(1);
        assertThat(first.changed()).isEqualTo(first.result().sources().size());

        Bindings.Written second = Bindings.generateInto(AbiSnapshots.read(TEMPLATE), config(FerruleMetadata.NONE), root,
                root.resolveSibling("state"));
        assertThat(second.changed()).isZero();
        assertThat(second.deleted()).isZero();
    }
}
