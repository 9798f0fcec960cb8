package dev.ferrule.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferrule.abi.rustdoc.RustType;
import dev.ferrule.abi.rustdoc.RustdocCrate;
import dev.ferrule.abi.rustdoc.RustdocReader;
import dev.ferrule.util.Json;
import dev.ferrule.util.Processes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad or unusual inputs to extraction: rustdoc JSON of other versions, damaged files, odd libraries. */
class RustdocAndElfInputsTest {

    private static final Path V53 = Path.of("src/test/resources/rustdoc/abi_fixture.v53.json");

    @TempDir
    Path work;

    @Test
    void recordedV53OutputReadsLikeTheStructuredFormat() throws Exception {
        RustdocCrate crate = RustdocReader.read(V53);

        assertThat(crate.formatVersion()).isEqualTo(53);
        Map<String, RustdocCrate.Item> byName = new LinkedHashMap<>();
        crate.items().values().forEach(i -> byName.putIfAbsent(i.meta().name(), i));
        assertThat(byName.get("fx_renamed").meta().exportName()).isEqualTo("fx_renamed_symbol");
        assertThat(byName.get("fx_add").meta().exportName()).isEqualTo("fx_add");
        assertThat(byName.get("Point").meta().repr()).isEqualTo("C");
        assertThat(byName.get("Color").meta().repr()).isEqualTo("u8");
        assertThat(byName.get("Counter").meta().repr()).isNull();
        assertThat(((RustdocCrate.Function) byName.get("fx_may_unwind")).signature().unwind()).isTrue();
    }

    @Test
    void truncatedRustdocJsonNamesTheFileAndPosition() throws Exception {
        String full = Files.readString(V53);
        Path truncated = work.resolve("truncated.json");
        Files.writeString(truncated, full.substring(0, full.length() / 2));

        assertThatThrownBy(() -> RustdocReader.read(truncated))
                .isInstanceOf(AbiException.class)
                .hasMessageContaining(truncated.toString())
                .hasMessageContaining("is truncated");
    }

    @Test
    void malformedRustdocJsonNamesTheLine() throws Exception {
        Path malformed = work.resolve("malformed.json");
        Files.writeString(malformed, "{\n  \"format_version\": 57,\n  \"index\": {,}\n}\n");

        assertThatThrownBy(() -> RustdocReader.read(malformed))
                .isInstanceOf(AbiException.class)
                .hasMessageContaining("is malformed at line 3");
    }

    @Test
    void unsupportedFormatVersionNamesTheSupportedRange() throws Exception {
        ObjectNode root = (ObjectNode) Json.mapper().readTree(V53.toFile());
        root.put("format_version", 45);
        Path old = work.resolve("old.json");
        Files.write(old, Json.prettyBytes(root));

        assertThatThrownBy(() -> RustdocReader.read(old))
                .isInstanceOf(AbiException.class)
                .hasMessageContaining("format_version 45")
                .hasMessageContaining("Supported: 46-53, 54-57");
    }

    @Test
    void nonElfFileIsRejected() throws Exception {
        Path text = work.resolve("libnot.so");
        Files.writeString(text, "not a library", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> DynamicSymbols.read(text))
                .isInstanceOf(AbiException.class)
                .hasMessageContaining("is not a readable ELF file");
    }

    @Test
    void objectFileWithoutDynamicSymbolTableIsRejected() throws Exception {
        Path source = work.resolve("lone.rs");
        Files.writeString(source, "#[no_mangle]\npub extern \"C\" fn lone() -> i32 { 1 }\n");
        Path object = work.resolve("lone.o");
        Processes.Result rustc = Processes.run(List.of("rustc", "--crate-type", "lib", "--emit", "obj", "-o",
                object.toString(), source.toString()), work, Map.of());
        assertThat(rustc.succeeded()).as(rustc.stderr()).isTrue();

        assertThatThrownBy(() -> DynamicSymbols.read(object))
                .isInstanceOf(AbiException.class)
                .hasMessageContaining("has no dynamic symbol table");
    }

    @Test
    void twoItemsExportingOneSymbolAreRejectedWithBothLocations() {
        RustType.Signature sig = new RustType.Signature("C", false, false, false, List.of(), null);
        Map<String, RustdocCrate.Item> items = new LinkedHashMap<>();
        items.put("1", new RustdocCrate.Function(meta("1", "first", "dup", 10), sig));
        items.put("2", new RustdocCrate.Function(meta("2", "second", "dup", 20), sig));
        RustdocCrate crate = new RustdocCrate(57, "demo", "1.0.0", items);

        assertThatThrownBy(() -> new AbiModelBuilder(crate, Path.of("/ws"), Path.of("/ws")))
                .isInstanceOf(AbiException.class)
                .hasMessageContaining("Symbol 'dup' is exported twice")
                .hasMessageContaining("src/lib.rs:10")
                .hasMessageContaining("src/lib.rs:20");
    }

    @Test
    void singleExportIsAccepted() throws Exception {
        RustType.Signature sig = new RustType.Signature("C", false, false, false, List.of(), null);
        RustdocCrate crate = new RustdocCrate(57, "demo", "1.0.0",
                Map.of("1", new RustdocCrate.Function(meta("1", "first", "only", 10), sig)));

        AbiModel model = new AbiModelBuilder(crate, Path.of("/ws"), Path.of("/ws")).build(
                new AbiModel.CrateInfo("demo", "1.0.0", "demo"),
                new AbiModel.BuildTarget("x86_64-unknown-linux-gnu", List.of(), "release"),
                List.of(new AbiModel.ExportedSymbol("only", "function", 1)), Map.of(), "n/a");

        assertThat(model.functions()).extracting(AbiModel.AbiFunction::symbol).containsExactly("only");
        assertThat(model.findings()).isEmpty();
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> parameterTypes() {
        RustType i32 = new RustType.Primitive("i32");
        RustType str = new RustType.Primitive("str");
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("&str", new RustType.Reference(false, str),
                        FindingCode.FFI_UNSAFE_TYPE),
                org.junit.jupiter.params.provider.Arguments.of("String",
                        new RustType.Named("String", null, false, List.of()), FindingCode.FFI_UNSAFE_TYPE),
                org.junit.jupiter.params.provider.Arguments.of("Vec<i32>",
                        new RustType.Named("Vec", null, false, List.of(i32)), FindingCode.FFI_UNSAFE_TYPE),
                org.junit.jupiter.params.provider.Arguments.of("(i32, i32)", new RustType.Tuple(List.of(i32, i32)),
                        FindingCode.FFI_UNSAFE_TYPE),
                org.junit.jupiter.params.provider.Arguments.of("Box<dyn Fn>",
                        new RustType.Named("Box", null, false, List.of(new RustType.Other("dyn Fn"))),
                        FindingCode.FFI_UNSAFE_TYPE),
                org.junit.jupiter.params.provider.Arguments.of("&[u8]",
                        new RustType.Reference(false, new RustType.Slice(new RustType.Primitive("u8"))),
                        FindingCode.FFI_UNSAFE_TYPE),
                org.junit.jupiter.params.provider.Arguments.of("Plain (no repr) by value",
                        new RustType.Named("Plain", "9", true, List.of()), FindingCode.NOT_REPR_C),
                org.junit.jupiter.params.provider.Arguments.of("i32", i32, null),
                org.junit.jupiter.params.provider.Arguments.of("*const Plain (opaque behind a pointer)",
                        new RustType.RawPointer(false, new RustType.Named("Plain", "9", true, List.of())), null),
                org.junit.jupiter.params.provider.Arguments.of("Option<&i32>",
                        new RustType.Named("Option", null, false, List.of(new RustType.Reference(false, i32))), null));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("parameterTypes")
    void parameterTypesWithoutCLayoutAreFindings(String label, RustType parameter, FindingCode expected)
            throws Exception {
        RustType.Signature sig = new RustType.Signature("C", false, false, false,
                List.of(new RustType.Param("value", parameter)), null);
        Map<String, RustdocCrate.Item> items = new LinkedHashMap<>();
        items.put("1", new RustdocCrate.Function(meta("1", "takes", "takes", 3), sig));
        items.put("9", new RustdocCrate.Record(new RustdocCrate.Meta("9", "Plain", List.of("demo", "Plain"),
                "demo::Plain", null, null, new RustdocCrate.Span("src/lib.rs", 1), null, null, null), false,
                List.of(new RustdocCrate.Field("x", new RustType.Primitive("i32"), null, true)), false));
        RustdocCrate crate = new RustdocCrate(57, "demo", "1.0.0", items);

        AbiModel model = new AbiModelBuilder(crate, Path.of("/ws"), Path.of("/ws")).build(
                new AbiModel.CrateInfo("demo", "1.0.0", "demo"),
                new AbiModel.BuildTarget("x86_64-unknown-linux-gnu", List.of(), "release"),
                List.of(new AbiModel.ExportedSymbol("takes", "function", 1)),
                Map.of("demo::Plain", new TypeLayout(4, 4, Map.of("x", 0L), Map.of())), "n/a");

        if (expected == null) {
            assertThat(model.findings()).isEmpty();
        } else {
            assertThat(model.findings()).extracting(AbiModel.AbiFinding::code).containsExactly(expected.name());
            assertThat(model.findings().get(0).location()).isEqualTo(new AbiModel.SourceLocation("src/lib.rs", 3));
        }
    }

    @Test
    void aTypeNobodyMeasuredIsAFindingThatSaysWhyAndWhatToDo() throws Exception {
        RustType hidden = new RustType.Named("Hidden", "9", true, List.of());
        RustType.Signature sig = new RustType.Signature("C", false, false, false,
                List.of(new RustType.Param("value", hidden)), null);
        Map<String, RustdocCrate.Item> items = new LinkedHashMap<>();
        items.put("1", new RustdocCrate.Function(meta("1", "takes", "takes", 3), sig));
        items.put("9", new RustdocCrate.Record(new RustdocCrate.Meta("9", "Hidden", List.of("demo", "inner", "Hidden"),
                null, null, null, new RustdocCrate.Span("src/inner.rs", 1), "C", null, null), false,
                List.of(new RustdocCrate.Field("x", new RustType.Primitive("i32"), null, false)), false));

        AbiModel model = new AbiModelBuilder(new RustdocCrate(57, "demo", "1.0.0", items), Path.of("/ws"),
                Path.of("/ws")).build(new AbiModel.CrateInfo("demo", "1.0.0", "demo"),
                new AbiModel.BuildTarget("x86_64-unknown-linux-gnu", List.of(), "release"),
                List.of(new AbiModel.ExportedSymbol("takes", "function", 1)), Map.of(), null);

        assertThat(model.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.code()).isEqualTo(FindingCode.LAYOUT_UNAVAILABLE.name());
            assertThat(finding.message()).contains("no program outside the crate can name it")
                    .contains("did not list it");
            assertThat(finding.fix()).isEqualTo("make it `pub` and reachable (for example `pub use"
                    + " demo::inner::Hidden;` in lib.rs)");
        });
    }

    @Test
    void typesThatReallyHaveNoCLayoutGetAFixThatFitsTheType() throws Exception {
        Map<String, String> fixes = new java.util.TreeMap<>();
        for (RustType type : List.of(new RustType.Primitive("u128"), new RustType.Primitive("char"),
                new RustType.Reference(false, new RustType.Primitive("str")),
                new RustType.Named("String", null, false, List.of()))) {
            RustType.Signature sig = new RustType.Signature("C", false, false, false,
                    List.of(new RustType.Param("value", type)), null);
            AbiModel model = new AbiModelBuilder(new RustdocCrate(57, "demo", "1.0.0",
                    Map.of("1", new RustdocCrate.Function(meta("1", "takes", "takes", 3), sig))), Path.of("/ws"),
                    Path.of("/ws")).build(new AbiModel.CrateInfo("demo", "1.0.0", "demo"),
                    new AbiModel.BuildTarget("x86_64-unknown-linux-gnu", List.of(), "release"),
                    List.of(new AbiModel.ExportedSymbol("takes", "function", 1)), Map.of(), null);
            fixes.put(type.display(), model.findings().get(0).fix());
        }

        assertThat(fixes.get("u128")).contains("two u64 halves");
        assertThat(fixes.get("char")).contains("pass it as u32");
        assertThat(fixes.get("&str")).contains("`*const u8`").contains("`usize`");
        assertThat(fixes.get("String")).contains("CString::into_raw");
        assertThat(fixes.values()).noneMatch(fix -> fix.contains("#[repr(C)]"));
    }

    @Test
    void snapshotWithUnknownSchemaVersionIsRefused() throws Exception {
        ObjectNode snapshot = Json.mapper().createObjectNode();
        snapshot.put("schemaVersion", 99);
        Path file = work.resolve("lib-x86_64-unknown-linux-gnu.abi.json");
        Files.write(file, Json.prettyBytes(snapshot));

        assertThatThrownBy(() -> AbiSnapshots.read(file))
                .isInstanceOf(AbiException.class)
                .hasMessageContaining("schema version 99")
                .hasMessageContaining("reads schema versions 1 to " + AbiModel.SCHEMA_VERSION)
                .hasMessageContaining("upgrade ferrule-maven-plugin");
    }

    @Test
    void aSnapshotOfANewerSchemaIsNotDowngradedUnlessForced() throws Exception {
        ObjectNode newer = Json.mapper().createObjectNode();
        newer.put("schemaVersion", 999);
        newer.put("somethingNew", "kept by the newer Ferrule");
        Path file = work.resolve("lib-x86_64-unknown-linux-gnu.abi.json");
        Files.write(file, Json.prettyBytes(newer));
        AbiModel model = new AbiModel(AbiModel.SCHEMA_VERSION, new AbiModel.CrateInfo("demo", "1.0.0", "demo"),
                new AbiModel.BuildTarget("x86_64-unknown-linux-gnu", List.of(), "release"), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of());

        assertThatThrownBy(() -> AbiSnapshots.write(file, model, work)).isInstanceOf(AbiException.class)
                .hasMessageContaining("schema version 999, newer than the version " + AbiModel.SCHEMA_VERSION)
                .hasMessageContaining("-Dferrule.snapshot.overwriteNewer=true");
        assertThat(Files.readString(file)).contains("somethingNew");

        assertThat(AbiSnapshots.write(file, model, java.util.Map.of(), true, work)).isTrue();
        assertThat(AbiSnapshots.read(file)).isEqualTo(model);
        // Its own schema, or an older one, is simply rewritten.
        assertThat(AbiSnapshots.write(file, model, work)).isFalse();
    }

    @Test
    void snapshotNamesCarryTargetAndNonDefaultFeatures() {
        assertThat(AbiExtractor.snapshotName("hello", "x86_64-unknown-linux-gnu", List.of("default")))
                .isEqualTo("hello-x86_64-unknown-linux-gnu");
        assertThat(AbiExtractor.snapshotName("hello", "aarch64-apple-darwin", List.of("zeta", "default", "alpha")))
                .isEqualTo("hello-aarch64-apple-darwin-alpha+zeta");
    }

    private static RustdocCrate.Meta meta(String id, String name, String symbol, int line) {
        return new RustdocCrate.Meta(id, name, List.of("demo", name), "demo::" + name, null, null,
                new RustdocCrate.Span("src/lib.rs", line), null, symbol, null);
    }
}
