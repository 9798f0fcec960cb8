package dev.ferrule.realworld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferrule.abi.AbiExtractor;
import dev.ferrule.abi.AbiModel;
import dev.ferrule.abi.AbiModel.AbiFunction;
import dev.ferrule.bind.BindingModel;
import dev.ferrule.bind.BindingModel.CAbiLayer;
import dev.ferrule.bind.BindingModel.CAbiMethod;
import dev.ferrule.bind.BindingModel.Failure;
import dev.ferrule.bind.BindingModel.Role;
import dev.ferrule.bind.BindingModel.Source;
import dev.ferrule.bind.BindingSnapshot;
import dev.ferrule.bind.BindingSnapshots;
import dev.ferrule.cargo.BuildOutcome;
import dev.ferrule.cargo.CargoBuilder;
import dev.ferrule.cargo.DebianRegistry;
import dev.ferrule.cargo.FerruleMetadata;
import dev.ferrule.cargo.Fixtures;
import dev.ferrule.cargo.RecordingLog;
import dev.ferrule.diff.AbiChange;
import dev.ferrule.diff.AbiRule;
import dev.ferrule.diff.BindingDiffer;
import dev.ferrule.gen.Bindings;
import dev.ferrule.gen.GeneratedJava;
import dev.ferrule.gen.GeneratedSource;
import dev.ferrule.gen.GenerationException;
import dev.ferrule.gen.GenerationResult;
import dev.ferrule.gen.GeneratorConfig;
import dev.ferrule.util.Processes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The safe layer of src/test/rust/tinykv, a C ABI written without Ferrule: what its Rust types
 * decide, what the few lines of its {@code [package.metadata.ferrule]} decide, and what stops
 * generation when nothing does. Built for real; the layer it generates is compiled with every
 * lint on and compared with goldens. it/init-adopt runs it against the library.
 */
class CAbiSafeLayerTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/gen/tinykv");

    @TempDir
    static Path work;

    private static BuildOutcome build;
    private static AbiModel model;

    @BeforeAll
    static void buildAndExtract() throws Exception {
        DebianRegistry.require("libc");
        Fixtures.Request request = new Fixtures.Request(Fixtures.copy("tinykv", work), work);
        RecordingLog log = new RecordingLog();
        build = new CargoBuilder(log).build(request.toRequest());
        model = new AbiExtractor(log).extract(request.toRequest(), build).get(0).model();
    }

    private static FerruleMetadata metadata() {
        return build.crate().ferruleMetadata();
    }

    private static GeneratorConfig config(FerruleMetadata metadata) {
        return new GeneratorConfig("org.acme.tinykv", "TinykvNative", List.of(), List.of(), metadata);
    }

    private static CAbiLayer layer(AbiModel abi, FerruleMetadata metadata) throws GenerationException {
        return Bindings.bindingModel(abi, config(metadata)).cabi().orElseThrow();
    }

    private static CAbiMethod method(CAbiLayer layer, String symbol) {
        return layer.methods().stream().filter(m -> m.symbol().equals(symbol)).findFirst().orElseThrow();
    }

    private static List<String> params(CAbiMethod method) {
        return method.javaParams().stream().map(p -> p.javaName() + ":" + p.mapping().describe() + ":"
                + p.source().name().toLowerCase(java.util.Locale.ROOT)).toList();
    }

    /** The crate's metadata with some function entries left out or replaced. */
    private static FerruleMetadata withFunctions(Map<String, FerruleMetadata.FunctionMetadata> changes) {
        Map<String, FerruleMetadata.FunctionMetadata> functions = new HashMap<>(metadata().functions());
        changes.forEach((symbol, meta) -> {
            if (meta == null) {
                functions.remove(symbol);
            } else {
                functions.put(symbol, meta);
            }
        });
        return new FerruleMetadata(functions, metadata().errors(), metadata().objects(), true);
    }

    /** The crate's metadata with one object's entry replaced. */
    private static FerruleMetadata withObject(String type, FerruleMetadata.ObjectMetadata meta) {
        Map<String, FerruleMetadata.ObjectMetadata> objects = new HashMap<>(metadata().objects());
        objects.put(type, meta);
        return new FerruleMetadata(metadata().functions(), metadata().errors(), objects, true);
    }

    /** The model with one export renamed, as a crate that names its functions otherwise would have it. */
    private static AbiModel renamed(String from, String to) {
        List<AbiFunction> functions = model.functions().stream().map(f -> !f.symbol().equals(from) ? f
                : new AbiFunction(to, to, f.path().replace(from, to), f.abi(), f.params(), f.returns(), f.variadic(),
                        f.unwind(), f.unsafe(), f.docs(), f.deprecation(), f.cfg(), f.location())).toList();
        return new AbiModel(model.schemaVersion(), model.crate(), model.build(), functions, model.types(),
                model.errors(), model.constants(), model.statics(), model.hiddenExports(), model.findings(),
                model.scalars(), model.declared());
    }

    // ---- what decides each mapping ---------------------------------------------------------------

    @Test
    void anOpaqueTypeWithAConstructorAndAFreeFunctionIsAConfinedObject() throws Exception {
        CAbiLayer layer = layer(model, metadata());

        assertThat(layer.objects()).extracting(BindingModel.CAbiObject::name).containsExactly("tinykv_iter",
                "tinykv_store");
        assertThat(layer.object("tinykv_store")).get().satisfies(store -> {
            assertThat(store.name()).isEqualTo("tinykv_store");
            assertThat(store.className()).isEqualTo("Store");
            assertThat(store.release()).isEqualTo("tinykv_store_free");
            assertThat(store.source()).isEqualTo(Source.CONVENTION);
            assertThat(store.shareable()).isEqualTo(new BindingModel.Decision(false, Source.CONVENTION));
        });
        assertThat(method(layer, "tinykv_store_new").owner().orElseThrow())
                .isEqualTo(new BindingModel.Owner("tinykv_store", Role.CONSTRUCTOR, "create"));
        assertThat(method(layer, "tinykv_store_new").failure()).isEqualTo(Failure.NULL);
        assertThat(method(layer, "tinykv_store_new").failureSource()).isEqualTo(Source.RUST_TYPE);
        assertThat(method(layer, "tinykv_store_put").owner().orElseThrow())
                .isEqualTo(new BindingModel.Owner("tinykv_store", Role.METHOD, "put"));
        // NonNull<T>, Option<&T>, *const T and Option<NonNull<T>> all hold the object.
        for (String symbol : List.of("tinykv_store_put", "tinykv_store_len", "tinykv_store_stats",
                "tinykv_store_remove")) {
            assertThat(params(method(layer, symbol)).get(0)).isEqualTo("store:object:tinykv_store:rust_type");
        }
        assertThat(layer.methods()).extracting(CAbiMethod::symbol).doesNotContain("tinykv_store_free",
                "tinykv_last_error_message", "tinykv_string_free");
    }

    @Test
    void typesAndCNamingDecideTheParameters() throws Exception {
        CAbiLayer layer = layer(model, metadata());

        assertThat(params(method(layer, "tinykv_store_put"))).containsExactly("store:object:tinykv_store:rust_type",
                "key:bytes:convention", "value:bytes:convention", "ttl:value:long:rust_type");
        assertThat(params(method(layer, "tinykv_store_remove"))).containsExactly(
                "store:object:tinykv_store:rust_type", "key:c_string:rust_type");
        assertThat(params(method(layer, "tinykv_store_new"))).containsExactly("capacity:value:long:rust_type",
                "flags:value:long:rust_type");
        assertThat(params(method(layer, "tinykv_hash"))).containsExactly("data:bytes:convention");
    }

    @Test
    void outParametersBecomeTheResult() throws Exception {
        CAbiLayer layer = layer(model, metadata());

        CAbiMethod open = method(layer, "tinykv_store_open");
        assertThat(open.result().mapping().describe()).isEqualTo("object:tinykv_store");
        assertThat(open.result().source()).as("*mut *mut T writes an object").isEqualTo(Source.RUST_TYPE);
        assertThat(open.owner().orElseThrow().role()).isEqualTo(Role.CONSTRUCTOR);
        CAbiMethod stats = method(layer, "tinykv_store_stats");
        assertThat(stats.result().mapping().describe()).isEqualTo("record:tinykv_stats");
        assertThat(stats.result().source()).as("a struct pointer named out").isEqualTo(Source.CONVENTION);
        assertThat(method(layer, "tinykv_version_info").result().mapping().describe())
                .as("Option<&mut tinykv_version> named out").isEqualTo("record:tinykv_version");
        assertThat(layer.record("tinykv_version").orElseThrow().fields()).extracting(f -> f.javaName() + ":"
                + f.mapping().javaType()).as("a char[16] field is text").containsExactly("major:int", "minor:int",
                        "patch:int", "tag:String");
        assertThat(layer.record("tinykv_stats")).get().satisfies(record -> {
            assertThat(record.className()).isEqualTo("Stats");
            assertThat(record.fields()).extracting(f -> f.javaName() + ":" + f.mapping().javaType())
                    .containsExactly("entries:long", "bytes:long", "hits:long", "misses:long", "owner:int",
                            "flags:long");
        });
    }

    @Test
    void theDeclaredErrorsDecideWhichResultsAreStatuses() throws Exception {
        CAbiLayer layer = layer(model, metadata());

        assertThat(layer.errors()).isEqualTo(new BindingModel.ErrorConvention(0, "int",
                "tinykv_last_error_message", null, new BindingModel.ErrorObject("tinykv_error", "tinykv_error_message",
                        "tinykv_error_code", "tinykv_error_free")));
        assertThat(method(layer, "tinykv_store_put").failure()).isEqualTo(Failure.STATUS);
        assertThat(method(layer, "tinykv_store_put").failureSource()).isEqualTo(Source.METADATA);
        assertThat(method(layer, "tinykv_hash").failure()).as("a u64 is no status").isEqualTo(Failure.NONE);
        assertThat(method(layer, "tinykv_store_len").failure()).isEqualTo(Failure.NONE);
        assertThat(layer.errorClasses()).extracting(e -> e.className() + "=" + e.code()).containsExactly(
                "BufferException=5", "FullException=3", "NotFoundException=2", "NullException=1",
                "PanicException=99", "SyntaxException=6", "Utf8Exception=4");
    }

    @Test
    void withoutDeclaredErrorsAnIntIsAValueAndAnOutParameterBesideItIsUndecidable() {
        FerruleMetadata noErrors = new FerruleMetadata(metadata().functions(), null, metadata().objects(), true);

        assertThatThrownBy(() -> layer(model, noErrors)).isInstanceOfSatisfying(GenerationException.class, e -> {
            assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("tinykv_store_stats: it returns int"
                    + " and also has an out-parameter; its result is a value unless it is declared a status")
                    .contains("[package.metadata.ferrule.functions.tinykv_store_stats]\n    returns = \"status\""));
            assertThat(e.problems()).noneMatch(p -> p.startsWith("tinykv_store_put"));
        });
    }

    @Test
    void cStringResultsAreBorrowedOrOwnedAsDeclared() throws Exception {
        CAbiLayer layer = layer(model, metadata());

        assertThat(method(layer, "tinykv_version").result().mapping().describe()).isEqualTo("c_string");
        assertThat(method(layer, "tinykv_store_get_string").result().mapping().describe())
                .isEqualTo("c_string:freed-by:tinykv_string_free");
        assertThat(method(layer, "tinykv_store_get_string").result().source()).isEqualTo(Source.METADATA);
    }

    @Test
    void constantsAreTypedAsTheMethodsTakeThemAndErrorCodesAreExceptions() throws Exception {
        CAbiLayer layer = layer(model, metadata());

        assertThat(layer.constants()).extracting(c -> c.javaName() + ":" + c.mapping().javaType() + "=" + c.value())
                .contains("OPEN_CREATE:long=1", "OPEN_OVERWRITE:long=4", "OPEN_ALL:long=7", "OK:int=0")
                .noneMatch(c -> c.startsWith("ERR_"));
    }

    @Test
    void anObjectWithADeclaredNextFunctionIsAnIteratorThatKeepsItsStore() throws Exception {
        CAbiLayer layer = layer(model, metadata());

        assertThat(layer.object("tinykv_iter").orElseThrow().iterator()).get().satisfies(iterator -> {
            assertThat(iterator.next()).isEqualTo("tinykv_iter_next");
            assertThat(iterator.element().describe()).as("a (*mut *const u8, *mut size_t) pair").isEqualTo("bytes");
            assertThat(iterator.outs()).containsExactly(1, 2);
            assertThat(iterator.source()).isEqualTo(Source.METADATA);
        });
        CAbiMethod iter = method(layer, "tinykv_store_iter");
        assertThat(iter.owner().orElseThrow()).isEqualTo(new BindingModel.Owner("tinykv_store", Role.METHOD, "iter"));
        assertThat(iter.result().mapping().describe()).isEqualTo("object:tinykv_iter");
        assertThat(layer.methods()).extracting(CAbiMethod::symbol).doesNotContain("tinykv_iter_next");
    }

    @Test
    void anErrorObjectOutParameterIsTheFailureAndNoJavaParameter() throws Exception {
        CAbiLayer layer = layer(model, metadata());

        CAbiMethod load = method(layer, "tinykv_store_load");
        assertThat(load.failure()).isEqualTo(Failure.ERROR_OBJECT);
        assertThat(load.params()).extracting(p -> p.mapping().describe()).containsExactly("object:tinykv_store",
                "c_string", "error_out");
        assertThat(load.javaParams()).hasSize(2);
        assertThat(load.result().isVoid()).as("the bool echoes the error").isTrue();
        assertThat(layer.objects()).extracting(BindingModel.CAbiObject::name).doesNotContain("tinykv_error");
        assertThat(layer.methods()).extracting(CAbiMethod::symbol).doesNotContain("tinykv_error_message",
                "tinykv_error_code", "tinykv_error_free");
    }

    @Test
    void aDeclaredBufferIsFilledAndItsBytesAreTheResult() throws Exception {
        CAbiMethod get = method(layer(model, metadata()), "tinykv_store_get");

        assertThat(get.params()).extracting(p -> p.mapping().describe() + ":" + p.natives()).containsExactly(
                "object:tinykv_store:[0]", "bytes:[1, 2]", "buffer:[3, 4]");
        assertThat(get.failure()).isEqualTo(Failure.NEGATIVE);
        assertThat(get.result().mapping().javaType()).isEqualTo("byte[]");
        FerruleMetadata wrong = withFunctions(Map.of("tinykv_store_get", new FerruleMetadata.FunctionMetadata(false,
                false, Map.of("key", "buffer"), "negative-status")));
        assertThatThrownBy(() -> layer(model, wrong)).isInstanceOfSatisfying(GenerationException.class, e ->
                assertThat(e.problems()).singleElement().asString().startsWith("tinykv_store_get: parameter 'key' is"
                        + " declared buffer but is not a mutable byte pointer followed by its capacity"));
    }

    @Test
    void aDeclaredCallbackIsAFunctionalInterfaceWithItsUserDataHidden() throws Exception {
        CAbiLayer layer = layer(model, metadata());

        CAbiMethod visit = method(layer, "tinykv_store_visit");
        assertThat(visit.params()).extracting(p -> p.mapping().describe() + ":" + p.natives()).containsExactly(
                "object:tinykv_store:[0]", "callback:tinykv_visit_fn:[1, 2]");
        assertThat(visit.failure()).isEqualTo(Failure.NEGATIVE);
        assertThat(layer.callbacks()).singleElement().satisfies(callback -> {
            assertThat(callback.className()).isEqualTo("VisitFn");
            assertThat(callback.params()).extracting(p -> p.name() + ":" + (p.java() == null ? "-"
                    : p.java().javaType())).containsExactly("key:byte[]", "key_len:-", "value:byte[]", "value_len:-");
            assertThat(callback.resultJava().javaType()).isEqualTo("int");
        });
        FerruleMetadata logger = withFunctions(Map.of("tinykv_store_set_logger", new FerruleMetadata.FunctionMetadata(
                false, false, Map.of("logger", "callback"), null)));
        assertThat(layer(model, logger).callbacks()).extracting(BindingModel.CallbackType::className)
                .as("a logger is as declarable, with a C string").contains("LogFn");
    }

    @Test
    void structsBeforeTheirCountAreAListOfRecords() throws Exception {
        CAbiLayer layer = layer(model, metadata());

        assertThat(params(method(layer, "tinykv_stats_merge"))).containsExactly("stats:list:tinykv_stats:convention");
        assertThat(method(layer, "tinykv_stats_merge").javaParams().get(0).mapping().javaType())
                .isEqualTo("java.util.List<Stats>");
    }

    // ---- what stops generation --------------------------------------------------------------------

    @Test
    void anUndeclaredCStringResultStopsGenerationWithTheLinesToAdd() {
        FerruleMetadata undeclared = withFunctions(java.util.Collections.singletonMap("tinykv_version", null));

        assertThatThrownBy(() -> layer(model, undeclared)).isInstanceOfSatisfying(GenerationException.class, e -> {
            assertThat(e.getMessage()).contains("cannot be generated: 1 function(s) are undecidable");
            assertThat(e.problems()).singleElement().asString()
                    .startsWith("tinykv_version: it returns a C string (*const libc::c_char), and the types do not say"
                            + " whether the library keeps it or the caller must free it")
                    .contains("[package.metadata.ferrule.functions.tinykv_version]\n    returns = \"borrowed\"")
                    .contains("raw-only = true");
        });
    }

    @Test
    void aCallbackStopsGenerationUntilItIsLeftToTheRawLayer() {
        FerruleMetadata undeclared = withFunctions(java.util.Collections.singletonMap("tinykv_store_visit", null));

        assertThatThrownBy(() -> layer(model, undeclared)).isInstanceOfSatisfying(GenerationException.class,
                e -> assertThat(e.problems()).singleElement().asString().startsWith("tinykv_store_visit: parameter"
                        + " 'visit' is a callback"));
    }

    @Test
    void aReleaseFunctionNamedOtherwiseNeedsDeclaringAndThenDecides() throws Exception {
        AbiModel disposing = renamed("tinykv_store_free", "tinykv_store_dispose");

        assertThatThrownBy(() -> layer(disposing, metadata())).isInstanceOfSatisfying(GenerationException.class,
                e -> assertThat(e.problems()).anySatisfy(problem -> assertThat(problem).startsWith(
                        "tinykv_store_put: parameter 'store' points to tinykv_store, which is no object")
                        .contains("[package.metadata.ferrule.objects.tinykv_store]\n    release = ")));

        FerruleMetadata declared = withObject("tinykv_store", new FerruleMetadata.ObjectMetadata(
                "tinykv_store_dispose", true));
        CAbiLayer layer = layer(disposing, declared);
        assertThat(layer.object("tinykv_store")).get().satisfies(store -> {
            assertThat(store.release()).isEqualTo("tinykv_store_dispose");
            assertThat(store.source()).isEqualTo(Source.METADATA);
            assertThat(store.shareable()).isEqualTo(new BindingModel.Decision(true, Source.METADATA));
        });
    }

    @Test
    void metadataThatNamesNothingInTheCrateIsAnError() {
        FerruleMetadata wrong = new FerruleMetadata(metadata().functions(), new FerruleMetadata.Errors(
                "TINYKV_FAIL_", 0, "tinykv_version_info", null, "tinykv_eror", "tinykv_error_message", null),
                Map.of("tinykv_stor", new FerruleMetadata.ObjectMetadata(null, false), "tinykv_iter",
                        new FerruleMetadata.ObjectMetadata(null, false, "tinykv_store_len")), true);

        assertThatThrownBy(() -> layer(model, wrong)).isInstanceOfSatisfying(GenerationException.class, e ->
                assertThat(e.problems()).hasSize(5).anySatisfy(p -> assertThat(p).startsWith(
                        "[package.metadata.ferrule.errors] error-type = \"tinykv_eror\" names no opaque type"))
                        .anySatisfy(p -> assertThat(p).startsWith("[package.metadata.ferrule.objects.tinykv_iter] next"
                                + " = \"tinykv_store_len\" must name an export whose first parameter is the"
                                + " tinykv_iter"))
                        .anySatisfy(p -> assertThat(p).startsWith(
                        "[package.metadata.ferrule.errors] codes = \"TINYKV_FAIL_\" names no pub const"))
                        .anySatisfy(p -> assertThat(p).startsWith("[package.metadata.ferrule.errors] last-error ="
                                + " \"tinykv_version_info\" must name an export that takes nothing and returns a C"
                                + " string"))
                        .anySatisfy(p -> assertThat(p).startsWith("[package.metadata.ferrule.objects.tinykv_stor]"
                                + " names no opaque type")));
    }

    @Test
    void withoutTheTableTheCrateGetsOnlyItsRawLayer() throws Exception {
        assertThat(Bindings.bindingModel(model, config(FerruleMetadata.NONE)).cabi()).isEmpty();
        assertThat(Bindings.generate(model, config(FerruleMetadata.NONE)).sources()).hasSize(1);
    }

    // ---- check-abi ----------------------------------------------------------------------------------

    @Test
    void theSnapshotRecordsTheLayerSoCheckAbiSeesItsJavaChanges() throws Exception {
        BindingSnapshot before = BindingSnapshots.of(model, metadata());
        assertThat(before.methods()).filteredOn(m -> m.symbol().equals("tinykv_store_put")).singleElement()
                .satisfies(put -> {
                    assertThat(put.owner()).isEqualTo("Store.put");
                    assertThat(put.checked()).isTrue();
                    assertThat(put.params()).extracting(BindingSnapshot.ParamRecord::java)
                            .containsExactly("Store", "byte[]", "byte[]", "long");
                });
        assertThat(before.objects()).containsExactly(new BindingSnapshot.ObjectRecord("tinykv_iter", "Iter",
                "tinykv_store_iter", "tinykv_iter_free", null), new BindingSnapshot.ObjectRecord("tinykv_store",
                "Store", "tinykv_store_new", "tinykv_store_free", null));

        assertThat(BindingDiffer.diff(model, before, model, BindingSnapshots.of(model, metadata()))).isEmpty();

        FerruleMetadata noStatus = withFunctions(Map.of("tinykv_store_remove",
                new FerruleMetadata.FunctionMetadata(false, false, Map.of(), "value")));
        List<AbiChange> changes = BindingDiffer.diff(model, before, model, BindingSnapshots.of(model, noStatus));
        assertThat(changes).extracting(AbiChange::rule).contains(AbiRule.JAVA_STATUS_CHANGED,
                AbiRule.JAVA_RESULT_CHANGED);
        assertThat(changes).filteredOn(c -> c.rule() == AbiRule.JAVA_RESULT_CHANGED).singleElement()
                .extracting(AbiChange::message).asString().contains("storeRemove").contains("void").contains("int");
    }

    // ---- the generated layer ----------------------------------------------------------------------

    @Test
    void theGeneratedLayerCompilesWithoutWarningsAndMatchesItsGoldens() throws Exception {
        GenerationResult result = Bindings.generate(model, config(metadata()));
        List<GeneratedSource> safe = result.sources().stream().filter(s -> !s.path().endsWith("TinykvNative.java"))
                .toList();
        assertThat(safe).extracting(s -> Path.of(s.path()).getFileName().toString()).containsExactlyInAnyOrder(
                "Tinykv.java", "TinykvException.java", "Store.java", "Stats.java", "Iter.java", "Version.java",
                "VisitFn.java");

        Processes.Result compiled = GeneratedJava.compile(result.sources(), work.resolve("golden"));
        assertThat(compiled.stdout() + compiled.stderr()).isEmpty();

        if (Boolean.getBoolean("ferrule.updateGolden")) {
            Files.createDirectories(GOLDEN);
            for (GeneratedSource source : safe) {
                Files.writeString(GOLDEN.resolve(Path.of(source.path()).getFileName() + ".txt"), source.content(),
                        StandardCharsets.UTF_8);
            }
        }
        List<String> goldens = new ArrayList<>();
        try (Stream<Path> files = Files.list(GOLDEN)) {
            files.map(f -> f.getFileName().toString()).forEach(goldens::add);
        }
        assertThat(goldens).as("one golden per generated file").hasSameSizeAs(safe);
        for (GeneratedSource source : safe) {
            assertThat(source.content()).as(source.path()).isEqualTo(Files.readString(GOLDEN.resolve(
                    Path.of(source.path()).getFileName() + ".txt")));
        }
        assertThat(Bindings.generate(model, config(metadata())).sources()).isEqualTo(result.sources());
    }

    @Test
    void theContractTestsCoverNullsNulsEdgesAndTheObjectsLifecycle() throws Exception {
        GeneratorConfig withContracts = new GeneratorConfig("org.acme.tinykv", "TinykvNative", List.of(), List.of(),
                metadata(), true, Map.of("storeOpen_name_large", "the store keeps any name"), null);
        GenerationResult result = Bindings.generate(model, withContracts);
        String contract = result.testSources().get(0).content();
        Path golden = Path.of("src/test/resources/golden/gen/TinykvContractTest.java.txt");
        if (Boolean.getBoolean("ferrule.updateGolden")) {
            Files.writeString(golden, contract, StandardCharsets.UTF_8);
        }

        assertThat(contract).isEqualTo(Files.readString(golden));
        assertThat(contract).contains("void storeRemove_key_nul()", "void storePut_key_large()",
                "void statsMerge_stats_empty()", "void storeLen_afterClose()", "void Store_otherThread()",
                "void Iter_afterClose()", "void Store_closeTwice()")
                .contains("@Disabled(\"the store keeps any name\")\n    void storeOpen_name_large()")
                .doesNotContain("Store_closeRacingCalls");
        String shared = Bindings.generate(model, new GeneratorConfig("org.acme.tinykv", "TinykvNative", List.of(),
                List.of(), withObject("tinykv_store", new FerruleMetadata.ObjectMetadata(null, true)), true, Map.of(),
                null)).testSources().get(0).content();
        assertThat(shared).contains("void Store_closeRacingCalls()").doesNotContain("void Store_otherThread()");
        List<GeneratedSource> all = new ArrayList<>(result.sources());
        all.add(new GeneratedSource(result.testSources().get(0).path(), shared));
        Processes.Result compiled = GeneratedJava.compile(all, work.resolve("contracts"), true);
        assertThat(compiled.stdout() + compiled.stderr()).isEmpty();
        assertThatThrownBy(() -> Bindings.generate(model, new GeneratorConfig("org.acme.tinykv", "TinykvNative",
                List.of(), List.of(), metadata(), true, Map.of("storeOpen_nmae_large", "typo"), null)))
                .isInstanceOf(GenerationException.class).hasMessageContaining("<contractTestSkips> names cases that"
                        + " are not generated");
    }

    @Test
    void theFuzzTestsFeedEveryTextAndBytesParameter() throws Exception {
        GeneratorConfig withFuzz = new GeneratorConfig("org.acme.tinykv", "TinykvNative", List.of(), List.of(),
                metadata(), false, Map.of(), "5m");
        String fuzz = Bindings.generate(model, withFuzz).testSources().get(0).content();
        Path golden = Path.of("src/test/resources/golden/gen/TinykvFuzzTest.java.txt");
        if (Boolean.getBoolean("ferrule.updateGolden")) {
            Files.writeString(golden, fuzz, StandardCharsets.UTF_8);
        }

        assertThat(fuzz).isEqualTo(Files.readString(golden));
        assertThat(fuzz).contains("void storePut(FuzzedDataProvider data)", "void storeLoad(FuzzedDataProvider data)",
                "void hash(FuzzedDataProvider data)", "data.consumeLong(0L, 0xFFFF_FFFFL)")
                .doesNotContain("void storeLen(", "void storeNew(");
    }

    @Test
    void aShareableObjectIsNotConfined() throws Exception {
        FerruleMetadata shared = withObject("tinykv_store", new FerruleMetadata.ObjectMetadata(null, true));

        String store = Bindings.generate(model, config(shared)).sources().stream()
                .filter(s -> s.path().endsWith("/Store.java")).findFirst().orElseThrow().content();
        String confined = Files.readString(GOLDEN.resolve("Store.java.txt"));

        assertThat(store).contains("super(TRACKER, pointer, false, parent);").contains("Any thread may use it");
        assertThat(confined).contains("super(TRACKER, pointer, true, parent);").contains("WrongThreadException");
    }
}
