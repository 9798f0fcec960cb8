package dev.ferrule.bind;

import static dev.ferrule.gen.DemoCrate.I64;
import static dev.ferrule.gen.DemoCrate.U64;
import static dev.ferrule.gen.DemoCrate.U64_OUT;
import static dev.ferrule.gen.DemoCrate.export;
import static dev.ferrule.gen.DemoCrate.param;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferrule.abi.AbiModel;
import dev.ferrule.abi.AbiSnapshots;
import dev.ferrule.bind.BindingModel.Method;
import dev.ferrule.bind.BindingModel.Owner;
import dev.ferrule.bind.BindingModel.Param;
import dev.ferrule.bind.BindingModel.Role;
import dev.ferrule.bind.BindingModel.SafeLayer;
import dev.ferrule.bind.BindingModel.Source;
import dev.ferrule.cargo.FerruleMetadata;
import dev.ferrule.gen.DemoCrate;
import dev.ferrule.util.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The binding model decides each mapping once, with its reason; each decision here has a case
 * that makes it and one that must not.
 */
class BindingModelBuilderTest {

    private static final Path TEMPLATE = Path.of(
            "src/test/resources/snapshots/export-macro-template.abi.json");

    private static BindingModel build(AbiModel model, FerruleMetadata metadata) throws BindingException {
        return BindingModelBuilder.build(model, new BindingConfig("dev.ferrule.generated", "DemoNative", List.of(),
                List.of(), metadata));
    }

    private static SafeLayer safe(AbiModel model) throws BindingException {
        return build(model, FerruleMetadata.NONE).safe().orElseThrow();
    }

    private static Method method(SafeLayer safe, String symbol) {
        return safe.method(symbol).orElseThrow();
    }

    private static String mappings(Method method) {
        return method.params().stream().map(p -> p.name() + "=" + p.mapping().describe() + "/" + p.source()
                + p.natives()).toList().toString();
    }

    @Test
    void everyMappingOfTheTemplateSaysWhyItIsWhatItIs() throws Exception {
        SafeLayer safe = safe(AbiSnapshots.read(TEMPLATE));

        assertThat(mappings(method(safe, "template_greet")))
                .isEqualTo("[name=string/CONVENTION[0, 1], out=out/CONVENTION[2]]");
        assertThat(method(safe, "template_greet").result().mapping().describe()).isEqualTo("string");
        assertThat(method(safe, "template_greet").status()).isEqualTo(new BindingModel.Decision(true,
                Source.CONVENTION));
        assertThat(mappings(method(safe, "template_checksum")))
                .isEqualTo("[data=bytes/CONVENTION[0, 1], out=out/CONVENTION[2]]");
        assertThat(mappings(method(safe, "template_counter_add")))
                .isEqualTo("[counter=object:counter/CONVENTION[0], amount=value:long/RUST_TYPE[1],"
                        + " out=out/CONVENTION[2]]");
        assertThat(mappings(method(safe, "template_counter_configure")))
                .isEqualTo("[counter=object:counter/CONVENTION[0], settings=record:CounterSettings/RUST_TYPE[1]]");
        assertThat(mappings(method(safe, "template_counter_steps")))
                .isEqualTo("[counter=object:counter/CONVENTION[0], callback=callback:StepCallback/CONVENTION[1, 2]]");
        assertThat(method(safe, "template_settings_describe").params().get(0).mapping().describe())
                .isEqualTo("record:CounterSettings");
    }

    @Test
    void theTemplatesCounterIsAnObjectWithItsRoles() throws Exception {
        SafeLayer safe = safe(AbiSnapshots.read(TEMPLATE));

        assertThat(safe.objects()).containsExactly(new BindingModel.ObjectType("counter", "Counter",
                "template_counter_new", "template_counter_release", Optional.of("template_counter_clone"),
                Source.CONVENTION));
        assertThat(method(safe, "template_counter_new").owner()).contains(new Owner("counter", Role.CONSTRUCTOR, null));
        assertThat(method(safe, "template_counter_new").result().mapping().describe()).isEqualTo("object:counter");
        assertThat(method(safe, "template_counter_add").owner()).contains(new Owner("counter", Role.METHOD, "add"));
        assertThat(method(safe, "template_counter_release").owner())
                .contains(new Owner("counter", Role.RELEASE, null));
        assertThat(method(safe, "template_greet").owner()).isEmpty();
    }

    /** A crate with a two-word object type, and a u64 named like no object. */
    private static AbiModel byteBuffers() {
        return DemoCrate.withRuntime(
                export("demo_byte_buffer_new", param("capacity", U64), param("out", U64_OUT)),
                export("demo_byte_buffer_release", param("byte_buffer", U64)),
                export("demo_byte_buffer_clone", param("byte_buffer", U64), param("out", U64_OUT)),
                export("demo_byte_buffer_len", param("byte_buffer", U64), param("out", U64_OUT)),
                export("demo_byte_buffer_close", param("byte_buffer", U64)),
                export("demo_byte_buffer_size", param("buffer", U64), param("out", U64_OUT)));
    }

    @Test
    void aTwoWordObjectTypeIsOneObjectWhoseHandlesAreKnownEverywhere() throws Exception {
        SafeLayer safe = safe(byteBuffers());

        assertThat(safe.objects()).extracting(BindingModel.ObjectType::name, BindingModel.ObjectType::className)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("byte_buffer", "ByteBuffer"));
        assertThat(mappings(method(safe, "demo_byte_buffer_len")))
                .isEqualTo("[byte_buffer=object:byte_buffer/CONVENTION[0], out=out/CONVENTION[1]]");
        assertThat(method(safe, "demo_byte_buffer_len").owner()).contains(new Owner("byte_buffer", Role.METHOD,
                "len"));
        assertThat(method(safe, "demo_byte_buffer_clone").owner()).contains(new Owner("byte_buffer", Role.CLONE,
                null));
    }

    @Test
    void aHandleNamedLikeNoObjectIsANumber() throws Exception {
        Method size = method(safe(byteBuffers()), "demo_byte_buffer_size");

        assertThat(mappings(size)).isEqualTo("[buffer=value:long/RUST_TYPE[0], out=out/CONVENTION[1]]");
        assertThat(size.owner()).isEmpty();
    }

    @Test
    void aVerbTheObjectClassHasAlreadyStaysOnTheFacade() throws Exception {
        SafeLayer safe = safe(byteBuffers());

        assertThat(method(safe, "demo_byte_buffer_close").owner()).isEmpty();
        assertThat(method(safe, "demo_byte_buffer_close").params().get(0).mapping().describe())
                .isEqualTo("object:byte_buffer");
    }

    @Test
    void metadataDecidesWhatNamesCannotAndSaysSo() throws Exception {
        AbiModel model = DemoCrate.withRuntime(export("demo_sum", param("values", new AbiModel.TypeRef(
                "const uint8_t*", "*const u8", AbiModel.Ownership.RAW, null)), param("count",
                new AbiModel.TypeRef("size_t", "usize", null, null))));
        FerruleMetadata metadata = FerruleMetadata.parse(Json.parse("{\"functions\":{\"demo_sum\":{\"params\":"
                + "{\"values\":\"string\"},\"returns\":\"value\"}}}"), "Cargo.toml");

        Method sum = build(model, metadata).safe().orElseThrow().method("demo_sum").orElseThrow();

        assertThat(mappings(sum)).isEqualTo("[values=string/METADATA[0, 1]]");
        assertThat(sum.status()).isEqualTo(new BindingModel.Decision(false, Source.METADATA));
        assertThat(sum.result().mapping().describe()).isEqualTo("value:int");
        assertThatThrownBy(() -> build(model, FerruleMetadata.NONE)).isInstanceOf(BindingException.class)
                .hasMessageContaining("demo_sum: parameter 'values'");
    }

    @Test
    void aCrateWithoutEveryRuntimeExportHasNoSafeLayer() throws Exception {
        AbiModel whole = byteBuffers();

        assertThat(build(whole, FerruleMetadata.NONE).safe()).isPresent();
        assertThat(build(DemoCrate.without(whole, "demo_live_objects_report"), FerruleMetadata.NONE).safe())
                .isEmpty();
    }

    @Test
    void anErrorVariantNamedLikeARuntimeErrorGetsItsEnumsName() throws Exception {
        AbiModel model = DemoCrate.withRuntime(List.of(new AbiModel.ErrorEnum("DemoError", "demo::DemoError",
                List.of(new AbiModel.Variant("Panic", 1, null), new AbiModel.Variant("Full", 2, "It is full.")),
                null)), export("demo_ping", param("value", I64)));

        assertThat(safe(model).errors()).filteredOn(e -> e.code() > 0)
                .containsExactly(new BindingModel.ErrorClass("DemoErrorPanicException", 1, "DemoError::Panic",
                        "demo::DemoError::Panic"), new BindingModel.ErrorClass("FullException", 2, "It is full.",
                        "demo::DemoError::Full"));
        assertThat(safe(model).errors()).filteredOn(e -> e.code() < 0).extracting(BindingModel.ErrorClass::className)
                .contains("PanicException", "StaleHandleException");
    }

    @Test
    void everyCParameterIsInExactlyOneSafeParameter() throws Exception {
        SafeLayer safe = safe(AbiSnapshots.read(TEMPLATE));
        BindingModel model = build(AbiSnapshots.read(TEMPLATE), FerruleMetadata.NONE);

        for (Method method : safe.methods()) {
            List<Integer> covered = method.params().stream().map(Param::natives).flatMap(List::stream).sorted().toList();
            int count = model.natives().function(method.symbol()).orElseThrow().params().size();
            assertThat(covered).as(method.symbol()).isEqualTo(java.util.stream.IntStream.range(0, count).boxed()
                    .toList());
        }
    }
}
