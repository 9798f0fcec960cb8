package dev.ferrule.gen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrule.abi.AbiExtractor;
import dev.ferrule.abi.AbiModel;
import dev.ferrule.bind.BindingModel;
import dev.ferrule.bind.BindingModel.Method;
import dev.ferrule.bind.BindingModel.SafeLayer;
import dev.ferrule.cargo.BuildOutcome;
import dev.ferrule.cargo.CargoBuilder;
import dev.ferrule.cargo.Fixtures;
import dev.ferrule.cargo.RecordingLog;
import dev.ferrule.util.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * src/test/rust/clash names its parameters after the generated code's own locals and gives its
 * object type a two-word name. It is really built and extracted; its bindings must compile
 * without warnings, and the object must get every contract case. it/binding-clash runs them.
 */
class ClashCrateTest {

    @TempDir
    static Path work;

    private static AbiModel model;
    private static BuildOutcome build;

    @BeforeAll
    static void buildAndExtract() throws Exception {
        Fixtures.Request request = new Fixtures.Request(Fixtures.copyOnFerruleFfi("clash", work), work);
        RecordingLog log = new RecordingLog();
        build = new CargoBuilder(log).build(request.toRequest());
        model = new AbiExtractor(log).extract(request.toRequest(), build).get(0).model();
    }

    private static GeneratorConfig config() {
        return new GeneratorConfig("it.clash", "ClashNative", List.of(), List.of(),
                build.crate().ferruleMetadata(), true, Map.of(), null);
    }

    private static SafeLayer safe() throws Exception {
        return Bindings.bindingModel(model, config()).safe().orElseThrow();
    }

    private static String mappings(String symbol) throws Exception {
        Method method = safe().method(symbol).orElseThrow();
        return method.params().stream().map(p -> p.name() + "=" + p.mapping().describe() + "/" + p.source())
                .toList().toString();
    }

    @Test
    void parametersNamedLikeGeneratedLocalsAreOrdinaryParameters() throws Exception {
        assertThat(mappings("clash_locals")).isEqualTo("[frame=value:long/RUST_TYPE, mark=value:long/RUST_TYPE,"
                + " status=value:int/RUST_TYPE, result=value:long/RUST_TYPE, arena=value:long/RUST_TYPE,"
                + " handle=value:long/RUST_TYPE, self_=value:long/RUST_TYPE, out=out/CONVENTION]");
        assertThat(mappings("clash_label")).isEqualTo("[frame=string/CONVENTION, mark=value:int/RUST_TYPE,"
                + " out=out/CONVENTION]");
        assertThat(mappings("clash_out_value")).as("the metadata names the out-parameter, so `out` is a value")
                .isEqualTo("[out=value:long/RUST_TYPE, result=out/METADATA]");
    }

    @Test
    void twoWordObjectTypesGetEveryContractCase() throws Exception {
        SafeLayer safe = safe();
        assertThat(safe.objects()).extracting(BindingModel.ObjectType::className)
                .containsExactly("ByteBuffer", "NameTag");

        GenerationResult result = Bindings.generate(model, config());
        String suite = result.testSources().get(0).content();

        for (String method : List.of("byteBufferLen", "byteBufferAppend", "byteBufferClone", "byteBufferRelease")) {
            assertThat(suite).contains("void " + method + "_byte_buffer_released()")
                    .contains("void " + method + "_byte_buffer_zero()")
                    .contains("void " + method + "_byte_buffer_forged()")
                    .contains("void " + method + "_byte_buffer_ofNameTag()");
        }
        assertThat(suite).contains("void nameTagId_name_tag_ofByteBuffer()");
        assertThat(suite).contains("void byteBufferHandle_doubleClose()")
                .contains("void byteBufferHandle_useAfterClose()").contains("void byteBufferHandle_useRacingClose()")
                .contains("void byteBufferLen_out_nullPointer()");
        assertThat(result.sources()).extracting(GeneratedSource::path).contains("it/clash/ByteBuffer.java");
        assertThat(result.sources().stream().filter(s -> s.path().endsWith("ByteBuffer.java")).findFirst()
                .orElseThrow().content()).contains("public long len()").contains("public ByteBuffer duplicate()");
    }

    @Test
    void theBindingsCompileWithoutWarnings() throws Exception {
        GenerationResult result = Bindings.generate(model, config());
        List<GeneratedSource> sources = new ArrayList<>(result.sources());

        Processes.Result compiled = GeneratedJava.compile(sources, work.resolve("compiled"));

        assertThat(compiled.stdout() + compiled.stderr()).isEmpty();
        assertThat(compiled.exitCode()).isZero();
        assertThat(work.resolve("compiled/classes/it/clash/Clash.class")).exists();
        assertThat(result.sources().get(0).content()).as("the raw layer's own parameter takes the reserved form")
                .contains("public static MemorySegment clash_span_of(SegmentAllocator allocator$, long allocator)");
    }
}
