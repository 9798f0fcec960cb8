package dev.ferrule.bind;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrule.abi.RoundtripCrate;
import dev.ferrule.bind.BindingModel.Method;
import dev.ferrule.bind.BindingModel.Role;
import dev.ferrule.bind.BindingModel.SafeLayer;
import dev.ferrule.bind.BindingModel.Source;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The binding of a crate written with ferrule-ffi's attributes (src/test/rust/roundtrip): every
 * mapping comes from its declaration, and none from a name.
 */
class DeclaredBindingTest {

    private static SafeLayer safe;

    @BeforeAll
    static void bind() throws Exception {
        RoundtripCrate.Built built = RoundtripCrate.get();
        safe = BindingModelBuilder.build(built.model(), new BindingConfig("it.roundtrip", "RoundtripNative",
                List.of(), List.of(), built.build().crate().ferruleMetadata())).safe().orElseThrow();
    }

    private static Method method(String symbol) {
        return safe.method(symbol).orElseThrow(() -> new AssertionError(symbol + " has no safe method; skipped: "
                + safe.skipped()));
    }

    private static List<String> mappings(String symbol) {
        return method(symbol).params().stream().map(p -> p.name() + "=" + p.mapping().describe() + " "
                + p.mapping().javaType() + "/" + p.source()).toList();
    }

    @Test
    void everyMappingIsDeclared() {
        for (Method method : safe.methods()) {
            assertThat(method.params()).as(method.symbol()).allMatch(p -> p.source() == Source.DECLARED);
            assertThat(method.status().source()).isEqualTo(Source.DECLARED);
        }
        assertThat(safe.methods()).hasSizeGreaterThan(30);
        assertThat(safe.skipped()).isEmpty();
    }

    @Test
    void scalarsKeepTheirWidthUnlessUnsigned() {
        assertThat(mappings("roundtrip_echo_u8")).containsExactly("value=value:int int/DECLARED",
                "out=out null/DECLARED");
        assertThat(method("roundtrip_echo_u8").result().mapping().javaType()).isEqualTo("int");
        assertThat(method("roundtrip_echo_u32").result().mapping().javaType()).isEqualTo("long");
        assertThat(method("roundtrip_echo_u64").result().mapping().javaType()).isEqualTo("long");
        assertThat(method("roundtrip_echo_i8").result().mapping().javaType()).isEqualTo("byte");
        assertThat(mappings("roundtrip_negate")).first().isEqualTo("value=value:boolean boolean/DECLARED");
        assertThat(method("roundtrip_negate").params().get(0).mapping().carrier().kind())
                .isEqualTo(Carrier.Kind.BYTE);
    }

    @Test
    void optionsTextBytesRecordsAndEnums() {
        assertThat(mappings("roundtrip_echo_option_str")).first()
                .isEqualTo("text=option:string String/DECLARED");
        assertThat(method("roundtrip_echo_option_str").params().get(0).natives()).containsExactly(0, 1, 2);
        assertThat(method("roundtrip_echo_option_str").result().mapping().describe()).isEqualTo("option:string");
        assertThat(method("roundtrip_echo_option_str").result().presenceParam()).isEqualTo(3);
        assertThat(mappings("roundtrip_echo_option_i64")).first().isEqualTo("value=option:value:long Long/DECLARED");
        assertThat(mappings("roundtrip_echo_bytes")).first().isEqualTo("bytes=bytes byte[]/DECLARED");
        assertThat(method("roundtrip_reverse_bytes").result().mapping().describe()).isEqualTo("bytes");
        assertThat(mappings("roundtrip_echo_sample")).first().isEqualTo("sample=record:Sample Sample/DECLARED");
        assertThat(mappings("roundtrip_echo_color")).first().isEqualTo("color=enum:Color Color/DECLARED");
        assertThat(mappings("roundtrip_sum_of").get(1)).isEqualTo("value_at=callback:SumOfCallback SumOfCallback/DECLARED");
    }

    @Test
    void objectsAreTheRustTypesWithTheirRoles() {
        assertThat(safe.objects()).singleElement().satisfies(counter -> {
            assertThat(counter.className()).isEqualTo("Counter");
            assertThat(counter.constructor()).isEqualTo("roundtrip_counter_new");
            assertThat(counter.cloner()).contains("roundtrip_counter_clone");
        });
        assertThat(method("roundtrip_counter_non_negative").owner().orElseThrow())
                .satisfies(o -> assertThat(o.role() + " " + o.verb()).isEqualTo("CONSTRUCTOR nonNegative"));
        assertThat(method("roundtrip_counter_total").owner().orElseThrow().role()).isEqualTo(Role.STATIC);
        assertThat(mappings("roundtrip_counter_total")).startsWith("first=object:counter Counter/DECLARED",
                "second=option:object:counter Counter/DECLARED");
        assertThat(method("roundtrip_counter_split").result().mapping().describe())
                .isEqualTo("option:object:counter");
        assertThat(mappings("roundtrip_counter_add").get(0)).isEqualTo("self=object:counter Counter/DECLARED");
    }

    @Test
    void recordsWidenTheirDeclaredUnsignedFields() {
        BindingModel.RecordType sample = safe.record("Sample").orElseThrow();
        assertThat(sample.fields()).extracting(f -> f.name() + ":" + f.mapping().javaType()).containsExactly(
                "tiny:byte", "byte:int", "short:short", "wide:long", "long:long", "huge:long", "ratio:float",
                "precise:double", "flag:boolean", "color:Color", "span:Span");
    }
}
