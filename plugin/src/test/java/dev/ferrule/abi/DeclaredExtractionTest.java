package dev.ferrule.abi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrule.abi.AbiModel.AbiFunction;
import dev.ferrule.abi.AbiModel.Declared;
import dev.ferrule.abi.AbiModel.DeclaredFunction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The declarations ferrule-ffi's attributes write, read from the real roundtrip crate: what each
 * export means, and the C form of the associated types the attributes use for records, enums and
 * objects.
 */
class DeclaredExtractionTest {

    private static AbiModel model;

    @BeforeAll
    static void extract() throws Exception {
        model = RoundtripCrate.get().model();
    }

    private static Declared declared() {
        return model.declared();
    }

    private static AbiFunction export(String symbol) {
        return model.functions().stream().filter(f -> f.symbol().equals(symbol)).findFirst().orElseThrow();
    }

    private static List<String> cTypes(String symbol) {
        return export(symbol).params().stream().map(p -> p.name() + ": " + p.type().c()).toList();
    }

    @Test
    void everyExposedItemIsDeclared() {
        assertThat(declared().prefix()).isEqualTo("roundtrip");
        assertThat(declared().records()).extracting(AbiModel.DeclaredRecord::name).containsExactly("Sample", "Span");
        assertThat(declared().enumerations()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("Color");
            assertThat(e.variants()).containsExactly("Red", "Green", "Blue");
        });
        assertThat(declared().errors()).containsExactly("RoundtripError");
        assertThat(declared().objects()).singleElement().satisfies(o -> {
            assertThat(o.name()).isEqualTo("Counter");
            assertThat(o.release()).isEqualTo("roundtrip_counter_release");
            assertThat(o.cloner()).isEqualTo("roundtrip_counter_clone");
        });
        assertThat(declared().functions()).extracting(DeclaredFunction::symbol)
                .contains("roundtrip_echo_str", "roundtrip_counter_new", "roundtrip_counter_add",
                        "roundtrip_counter_release", "roundtrip_counter_total")
                .allMatch(symbol -> model.functions().stream().anyMatch(f -> f.symbol().equals(symbol)),
                        "declared and exported");
    }

    @Test
    void eachParameterSaysWhatItIsAndWhichCParametersCarryIt() {
        DeclaredFunction describe = declared().function("roundtrip_echo_option_str").orElseThrow();
        assertThat(describe.params()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("text");
            assertThat(p.type()).isEqualTo("Option<&str>");
            assertThat(p.natives()).containsExactly("text_present", "text", "text_len");
        });
        assertThat(describe.returns().type()).isEqualTo("Option<String>");
        assertThat(describe.returns().natives()).containsExactly("out_present", "out");

        DeclaredFunction total = declared().function("roundtrip_counter_total").orElseThrow();
        assertThat(total.role()).isEqualTo("static");
        assertThat(total.owner()).isEqualTo("Counter");
        assertThat(total.params()).extracting(AbiModel.DeclaredParam::type)
                .containsExactly("object:Counter", "Option<object:Counter>");

        DeclaredFunction add = declared().function("roundtrip_counter_add").orElseThrow();
        assertThat(add.role()).isEqualTo("method");
        assertThat(add.error()).isEqualTo("RoundtripError");
        assertThat(add.params().get(0).name()).isEqualTo("self");
        assertThat(add.params().get(0).natives()).containsExactly("counter");

        DeclaredFunction steps = declared().function("roundtrip_count_while").orElseThrow();
        assertThat(steps.params().get(1).type()).isEqualTo("closure:(u32,bool)->bool");
        assertThat(steps.params().get(1).natives()).containsExactly("accept", "accept_data");
    }

    @Test
    void theAttributesAssociatedTypesHaveTheCFormOfWhatTheyStandFor() {
        assertThat(cTypes("roundtrip_echo_sample")).containsExactly("sample: struct Sample", "out: struct Sample*");
        assertThat(cTypes("roundtrip_echo_color")).containsExactly("color: enum Color", "out: enum Color*");
        assertThat(cTypes("roundtrip_counter_split")).containsExactly("counter: uint64_t", "out_present: bool*",
                "out: uint64_t*");
        assertThat(cTypes("roundtrip_negate")).containsExactly("value: uint8_t", "out: bool*");
        assertThat(cTypes("roundtrip_echo_str")).containsExactly("text: const uint8_t*", "text_len: size_t",
                "out: struct FfiBuffer*");
        assertThat(model.types()).extracting(AbiModel.AbiType::name).contains("Sample", "Span", "Color",
                "CountWhileCallback", "SumOfCallback", "CounterStepsCallback");
        AbiModel.AbiType sample = model.types().stream().filter(t -> t.name().equals("Sample")).findFirst()
                .orElseThrow();
        assertThat(sample.size()).as("measured by the compiler").isEqualTo(56L);
        assertThat(model.findings()).as("nothing unresolved").isEmpty();
    }

    @Test
    void exportsStandAtTheAuthorsFunctionNotAtTheAttribute() throws Exception {
        List<String> source = Files.readAllLines(Path.of("src/test/rust/roundtrip/src/lib.rs"));
        // The impl block's attribute is lines above: rustdoc alone would place every method there.
        assertThat(source.get(export("roundtrip_counter_add").location().line() - 1))
                .contains("pub fn add(&self, amount: i64)");
        assertThat(source.get(export("roundtrip_echo_i8").location().line() - 1)).contains("pub fn echo_i8(");
        assertThat(export("roundtrip_counter_add").location().file()).isEqualTo("src/lib.rs");
        // release has no function of the author's: it stays at the attribute.
        assertThat(source.get(export("roundtrip_counter_release").location().line() - 1))
                .contains("#[ferrule_ffi::expose]");
    }

    @Test
    void declarationsAreNotTheCratesConstants() {
        assertThat(model.constants()).isEmpty();
    }
}
