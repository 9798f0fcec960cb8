package dev.ferrule.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferrule.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** C type spellings parsed into their structure, and printed back as the model wrote them. */
class CTypeTest {

    @Test
    void aConstPointerToAStructKnowsItsPointeeAndConstness() {
        CType counter = CType.parse("const struct Counter*");

        assertThat(counter).isEqualTo(new CType.Pointer(new CType.Tagged(CType.Kind.STRUCT, "Counter"), true));
        assertThat(counter.isAddress()).isTrue();
        assertThat(counter.referencedNames()).containsExactly("Counter");
    }

    @Test
    void pointersToPointersKeepEachLevelsConstness() {
        assertThat(CType.parse("uint8_t**")).isEqualTo(new CType.Pointer(new CType.Pointer(
                new CType.Named("uint8_t"), false), false));
        assertThat(CType.parse("const uint8_t* const*")).isEqualTo(new CType.Pointer(new CType.Pointer(
                new CType.Named("uint8_t"), true), true));
        assertThat(CType.parse("const uint8_t**")).isEqualTo(new CType.Pointer(new CType.Pointer(
                new CType.Named("uint8_t"), true), false));
    }

    @Test
    void functionPointersArraysAndUnknownTypesAreStructuresToo() {
        CType callback = CType.parse("int32_t (*)(int64_t, size_t)");
        assertThat(callback).isEqualTo(new CType.FunctionPointer(new CType.Named("int32_t"),
                List.of(new CType.Named("int64_t"), new CType.Named("size_t")), false));
        assertThat(CType.parse("void (*)(void)")).isEqualTo(new CType.FunctionPointer(new CType.Void(), List.of(),
                false));
        assertThat(CType.parse("int (*)(const char*, ...)")).isEqualTo(new CType.FunctionPointer(
                new CType.Named("int"), List.of(new CType.Pointer(new CType.Named("char"), true)), true));
        assertThat(CType.parse("char[16]")).isEqualTo(new CType.Array(new CType.Named("char"), 16));
        assertThat(CType.parse("unsigned long long")).isEqualTo(new CType.Named("unsigned long long"));
        assertThat(CType.parse("<not FFI-safe>").kind()).isEqualTo(CType.Kind.UNKNOWN);
    }

    @Test
    void textThatIsNoCTypeIsRefused() {
        assertThatThrownBy(() -> CType.parse("struct")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CType.parse("int32_t]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("int32_t]");
        assertThatThrownBy(() -> CType.parse("")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Every spelling of every snapshot in the repository parses, and prints back unchanged. */
    @Test
    void everySpellingInTheRepositorysSnapshotsRoundTrips() throws IOException {
        Set<String> spellings = new TreeSet<>();
        try (Stream<Path> files = Stream.of(Path.of(".."), Path.of("src/test/resources"))
                .flatMap(CTypeTest::walk)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".abi.json")).toList()) {
                collect(Json.mapper().readTree(file.toFile()), spellings);
            }
        }
        assertThat(spellings).hasSizeGreaterThan(20);
        for (String c : spellings) {
            assertThat(CType.parse(c).spelling()).as(c).isEqualTo(c);
        }
    }

    private static Stream<Path> walk(Path root) {
        try {
            return Files.walk(root).filter(p -> !p.toString().contains("/target/") && !p.toString().contains(
                    "/node_modules/")).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void collect(JsonNode node, Set<String> spellings) {
        if (node.isObject()) {
            JsonNode c = node.get("c");
            if (c != null && c.isTextual() && node.has("rust")) {
                spellings.add(c.textValue());
            }
            node.forEach(child -> collect(child, spellings));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, spellings));
        }
    }
}
