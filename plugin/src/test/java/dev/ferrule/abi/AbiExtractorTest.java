package dev.ferrule.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ferrule.abi.AbiModel.AbiFunction;
import dev.ferrule.abi.AbiModel.AbiType;
import dev.ferrule.abi.AbiModel.Ownership;
import dev.ferrule.abi.AbiModel.TypeRef;
import dev.ferrule.cargo.BuildOutcome;
import dev.ferrule.cargo.CargoBuilder;
import dev.ferrule.cargo.Fixtures;
import dev.ferrule.cargo.PackagedLibrary;
import dev.ferrule.cargo.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real extraction from fixture crates: rustdoc JSON, ELF exports and compiler layouts. */
class AbiExtractorTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @TempDir
    Path work;

    private final RecordingLog log = new RecordingLog();

    private Fixtures.Request fixture(String crate) throws Exception {
        return new Fixtures.Request(Fixtures.copy(crate, work), work);
    }

    private ExtractedAbi extract(Fixtures.Request request) throws Exception {
        BuildOutcome build = new CargoBuilder(log).build(request.toRequest());
        List<ExtractedAbi> abis = new AbiExtractor(log).extract(request.toRequest(), build);
        assertThat(abis).hasSize(1);
        return abis.get(0);
    }

    private static AbiFunction function(AbiModel model, String symbol) {
        return model.functions().stream().filter(f -> f.symbol().equals(symbol)).findFirst().orElseThrow();
    }

    private static AbiType type(AbiModel model, String name) {
        return model.types().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void abiFixtureSnapshotMatchesGoldenByteForByte() throws Exception {
        ExtractedAbi abi = extract(fixture("abi"));
        Path golden = GOLDEN.resolve(abi.snapshotName() + AbiSnapshots.EXTENSION);
        byte[] actual = AbiSnapshots.bytes(abi.model());
        if (Boolean.getBoolean("ferrule.updateGolden")) {
            Files.write(golden, actual);
        }
        assumeTrue(Files.exists(golden), "no golden snapshot for " + abi.snapshotName() + " on this host");

        assertThat(new String(actual, java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(Files.readString(golden));
    }

    @Test
    void twoExtractionsGiveIdenticalBytes() throws Exception {
        Fixtures.Request request = fixture("abi");
        ExtractedAbi first = extract(request);
        try (var cached = Files.list(work.resolve("ferrule/abi"))) {
            for (Path file : cached.filter(p -> p.toString().endsWith(".key")).toList()) {
                Files.delete(file);
            }
        }
        ExtractedAbi second = extract(request);

        assertThat(second.fromCache()).isFalse();
        assertThat(AbiSnapshots.bytes(second.model())).isEqualTo(AbiSnapshots.bytes(first.model()));
        Path file = AbiSnapshots.fileFor(work.resolve("abi"), first.snapshotName());
        assertThat(AbiSnapshots.write(file, first.model(), work)).isTrue();
        assertThat(AbiSnapshots.write(file, second.model(), work)).isFalse();
        assertThat(AbiSnapshots.read(file)).isEqualTo(first.model());
    }

    @Test
    void unchangedInputsReuseTheCachedModel() throws Exception {
        Fixtures.Request request = fixture("abi");
        extract(request);
        log.lines.clear();

        ExtractedAbi again = extract(request);

        assertThat(again.fromCache()).isTrue();
        assertThat(log.all()).contains("reusing").doesNotContain("Extracting the ABI");
    }

    @Test
    void layoutsAreTheCompilersIncludingPaddingAndNesting() throws Exception {
        AbiModel model = extract(fixture("abi")).model();

        AbiType point = type(model, "Point");
        assertThat(point.size()).isEqualTo(24);
        assertThat(point.align()).isEqualTo(8);
        assertThat(point.fields()).extracting(AbiModel.Field::offset).containsExactly(0L, 8L, 16L);
        AbiType rect = type(model, "Rect");
        assertThat(rect.size()).isEqualTo(56);
        assertThat(rect.fields()).extracting(AbiModel.Field::offset).containsExactly(0L, 24L, 48L);
        assertThat(rect.fields().get(0).type().c()).isEqualTo("struct Point");
        AbiType color = type(model, "Color");
        assertThat(color.repr()).isEqualTo("u8");
        assertThat(color.size()).isEqualTo(1);
        assertThat(color.variants()).extracting(AbiModel.Variant::value).containsExactly(1L, 2L, 40L);
        assertThat(type(model, "Number").kind()).isEqualTo(AbiModel.TypeKind.UNION);
        assertThat(type(model, "Counter").kind()).isEqualTo(AbiModel.TypeKind.OPAQUE);
    }

    @Test
    void cdylibOnlyCrateStillGetsCompilerLayouts() throws Exception {
        Fixtures.Request request = fixture("abi");
        Path manifest = request.crateDir.resolve("Cargo.toml");
        Files.writeString(manifest, Files.readString(manifest).replace("[\"cdylib\", \"rlib\"]", "[\"cdylib\"]"));

        AbiModel model = extract(request).model();

        assertThat(type(model, "Point").size()).isEqualTo(24);
        assertThat(log.all()).contains("Extracted 14 functions");
    }

    @Test
    void ownershipAndNullabilityComeFromRustTypes() throws Exception {
        AbiModel model = extract(fixture("abi")).model();

        assertThat(function(model, "fx_counter_new").returns())
                .isEqualTo(new TypeRef("struct Counter*", "Box<Counter>", Ownership.OWNED, false));
        assertThat(function(model, "fx_counter_free").params().get(0).type())
                .isEqualTo(new TypeRef("struct Counter*", "Option<Box<Counter>>", Ownership.OWNED, true));
        assertThat(function(model, "fx_counter_get").params().get(0).type())
                .isEqualTo(new TypeRef("const struct Counter*", "Option<&Counter>", Ownership.BORROWED, true));
        assertThat(function(model, "fx_counter_bump").params().get(0).type())
                .isEqualTo(new TypeRef("struct Counter*", "*mut Counter", Ownership.RAW, null));
    }

    @Test
    void callbacksSymbolsAndUnwindingAreRecorded() throws Exception {
        AbiModel model = extract(fixture("abi")).model();

        assertThat(function(model, "fx_visit").params().get(0).type())
                .isEqualTo(new TypeRef("Visitor", "Option<Visitor>", null, true));
        AbiType visitor = type(model, "Visitor");
        assertThat(visitor.kind()).isEqualTo(AbiModel.TypeKind.CALLBACK);
        assertThat(visitor.params()).extracting(p -> p.type().c()).containsExactly("int32_t", "void*");
        assertThat(function(model, "fx_renamed_symbol").name()).isEqualTo("fx_renamed");
        assertThat(function(model, "fx_may_unwind").unwind()).isTrue();
        assertThat(function(model, "fx_may_unwind").abi()).isEqualTo("C-unwind");
        assertThat(function(model, "fx_plus").deprecation()).isEqualTo(new AbiModel.Deprecation("1.1.0", "use fx_add"));
        assertThat(function(model, "fx_hidden_export").path()).isEqualTo("abi_fixture::hidden::fx_hidden_export");
        assertThat(model.statics()).extracting(AbiModel.AbiStatic::symbol).containsExactly("FIXTURE_CALLS");
        assertThat(model.constants()).extracting(AbiModel.AbiConstant::name).containsExactly("ABI_MAJOR");
    }

    @Test
    void ffiUnsafeSignatureIsAFindingWithItsLocation() throws Exception {
        AbiModel model = extract(fixture("abi")).model();

        assertThat(model.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.FFI_UNSAFE_TYPE.name());
            assertThat(f.item()).isEqualTo("abi_fixture::fx_bad_str");
            assertThat(f.location()).isEqualTo(new AbiModel.SourceLocation("src/lib.rs", 154));
            assertThat(f.message()).contains("`&str` is a fat pointer");
        });
    }

    @Test
    void featureGatedExportCarriesItsCfgAndNamesTheSnapshot() throws Exception {
        Fixtures.Request request = fixture("abi");
        request.features = List.of("extra");

        ExtractedAbi abi = extract(request);

        assertThat(abi.snapshotName()).endsWith("-extra");
        assertThat(function(abi.model(), "fx_extra").cfg()).isEqualTo("feature = \"extra\"");
        assertThat(abi.model().build().features()).containsExactly("default", "extra");
    }

    @Test
    void typesNoProgramOutsideTheCrateCanNameAreMeasuredByTheCompilersReport() throws Exception {
        AbiModel model = extract(fixture("hidden-types")).model();

        AbiType span = type(model, "Span");
        assertThat(span.size()).isEqualTo(8);
        assertThat(span.align()).isEqualTo(4);
        assertThat(span.fields()).extracting(AbiModel.Field::offset).containsExactly(0L, 4L);
        AbiType totals = type(model, "Totals");
        assertThat(totals.size()).isEqualTo(16);
        assertThat(totals.fields()).extracting(AbiModel.Field::offset).containsExactly(0L, 8L);
        assertThat(log.all()).contains("with rustc's type-size report: hidden_types::inner::Header,"
                + " hidden_types::inner::Span, hidden_types::inner::Totals");
        assertThat(model.findings()).isEmpty();
    }

    @Test
    void aHiddenTypeOnlyBehindAPointerIsMeasuredToo() throws Exception {
        AbiModel model = extract(fixture("hidden-types")).model();

        // repr(C) behind a pointer: Java needs its layout to read it, and rustc lays it out anyway.
        assertThat(type(model, "Header").size()).isEqualTo(8);
        assertThat(type(model, "Header").fields()).extracting(AbiModel.Field::offset).containsExactly(0L, 4L);
        assertThat(model.findings()).isEmpty();
    }

    @Test
    void crateWithoutExportsIsRejected() throws Exception {
        assertThatThrownBy(() -> extract(fixture("no-exports")))
                .isInstanceOf(AbiException.class)
                .hasMessageContaining("Crate no_exports_fixture exports no C ABI")
                .hasMessageContaining("#[no_mangle]");
    }

    /** The library was built with `extra`, rustdoc read the crate without it, and the other way round. */
    @Test
    void exportsAndDeclarationsAreCrossChecked() throws Exception {
        Fixtures.Request request = fixture("features");
        request.features = List.of("extra");
        BuildOutcome withExtra = new CargoBuilder(log).build(request.toRequest());
        PackagedLibrary library = withExtra.libraries().get(0);
        CargoInvocation withoutExtraDocs = invocation(withExtra, library.target(), List.of());

        AbiModel model = new AbiModelBuilder(readDocs(withoutExtraDocs), withExtra.crate().workspaceRoot(),
                request.crateDir).build(crateInfo(withExtra), target(library), DynamicSymbols.read(library.library()),
                java.util.Map.of(), "not measured");

        assertThat(model.hiddenExports()).extracting(AbiModel.ExportedSymbol::name)
                .containsExactly("fixture_extra_only");
        assertThat(model.findings()).extracting(AbiModel.AbiFinding::code)
                .containsExactly(FindingCode.EXPORT_WITHOUT_DECLARATION.name());

        request.features = List.of();
        BuildOutcome plain = new CargoBuilder(log).build(request.toRequest());
        PackagedLibrary plainLibrary = plain.libraries().get(0);
        CargoInvocation extraDocs = invocation(plain, plainLibrary.target(), List.of("--features", "extra"));

        AbiModel reverse = new AbiModelBuilder(readDocs(extraDocs), plain.crate().workspaceRoot(),
                request.crateDir).build(crateInfo(plain), target(plainLibrary),
                DynamicSymbols.read(plainLibrary.library()), java.util.Map.of(), "not measured");

        assertThat(reverse.functions()).extracting(AbiFunction::symbol).doesNotContain("fixture_extra_only");
        assertThat(reverse.findings()).extracting(AbiModel.AbiFinding::code)
                .contains(FindingCode.DECLARED_NOT_EXPORTED.name());
    }

    @Test
    void recordedV53OutputAndLiveV57OutputGiveTheSameModel() throws Exception {
        Fixtures.Request request = fixture("abi");
        BuildOutcome build = new CargoBuilder(log).build(request.toRequest());
        PackagedLibrary library = build.libraries().get(0);
        List<AbiModel.ExportedSymbol> exports = DynamicSymbols.read(library.library());
        dev.ferrule.abi.rustdoc.RustdocCrate live = readDocs(invocation(build, library.target(), List.of()));
        dev.ferrule.abi.rustdoc.RustdocCrate recorded = dev.ferrule.abi.rustdoc.RustdocReader.read(
                Path.of("src/test/resources/rustdoc/abi_fixture.v53.json"));

        AbiModel fromLive = new AbiModelBuilder(live, build.crate().workspaceRoot(), request.crateDir)
                .build(crateInfo(build), target(library), exports, java.util.Map.of(), "not measured");
        AbiModel fromRecorded = new AbiModelBuilder(recorded, build.crate().workspaceRoot(), request.crateDir)
                .build(crateInfo(build), target(library), exports, java.util.Map.of(), "not measured");

        assertThat(live.formatVersion()).isNotEqualTo(recorded.formatVersion());
        assertThat(AbiSnapshots.bytes(fromRecorded)).isEqualTo(AbiSnapshots.bytes(fromLive));
    }

    private dev.ferrule.abi.rustdoc.RustdocCrate readDocs(CargoInvocation cargo) throws AbiException {
        return dev.ferrule.abi.rustdoc.RustdocReader.read(RustdocRunner.run(cargo, work.resolve("docs-cargo")));
    }

    private CargoInvocation invocation(BuildOutcome build, String target, List<String> featureArgs) {
        return new CargoInvocation(build.toolchain().cargo(), build.toolchain().rustc(), build.crate().manifestPath(),
                build.crate().manifestPath().getParent(), build.crate().workspaceRoot(), build.crate().libName(),
                "release", target, featureArgs, true, java.util.Map.of());
    }

    private static AbiModel.CrateInfo crateInfo(BuildOutcome build) {
        return new AbiModel.CrateInfo(build.crateName(), build.crateVersion(), build.crate().libName());
    }

    private static AbiModel.BuildTarget target(PackagedLibrary library) {
        return new AbiModel.BuildTarget(library.target(), library.buildInfo().features(), "release");
    }
}
