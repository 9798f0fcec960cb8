package dev.ferrule.gen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrule.abi.RoundtripCrate;
import dev.ferrule.util.Processes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java a crate written with ferrule-ffi's attributes gets (src/test/rust/roundtrip): it
 * compiles without warnings, and the same crate gives the same bytes. it/declared-roundtrip runs
 * it against the real library.
 */
class DeclaredGenerationTest {

    @TempDir
    static Path work;

    private static GenerationResult result;

    @BeforeAll
    static void generate() throws Exception {
        RoundtripCrate.Built built = RoundtripCrate.get();
        GeneratorConfig config = new GeneratorConfig("it.roundtrip", "RoundtripNative", List.of(), List.of(),
                built.build().crate().ferruleMetadata(), true, Map.of(), null);
        result = Bindings.generate(built.model(), config);
    }

    private static String source(String name) {
        return result.sources().stream().filter(s -> s.path().endsWith("/" + name + ".java")).findFirst()
                .orElseThrow().content();
    }

    @Test
    void theBindingsCompileWithoutWarnings() throws Exception {
        Processes.Result compiled = GeneratedJava.compile(new ArrayList<>(result.sources()), work.resolve("compiled"));

        assertThat(compiled.stdout() + compiled.stderr()).isEmpty();
        assertThat(compiled.exitCode()).isZero();
    }

    @Test
    void theApiIsTheRustApi() {
        String facade = source("Roundtrip");
        assertThat(facade).contains("public static String echoStr(String text)",
                "public static byte[] reverseBytes(byte[] bytes)",
                "public static Optional<String> echoOptionStr(String text)",
                "public static int echoU8(int value)", "public static long echoU32(long value)");
        String counter = source("Counter");
        assertThat(counter).contains("public static Counter create(long initial)",
                "public static Counter nonNegative(long initial)", "public long add(long amount)",
                "public long absorb(Counter other)", "public Optional<Counter> split()",
                "public static long total(Counter first, Counter second)");
    }

    @Test
    void aFunctionExposedAsCriticalIsACriticalDowncallWithItsArrayInPlace() {
        String raw = source("RoundtripNative");
        assertThat(raw).contains("downcall(\"roundtrip_count_bytes\", FunctionDescriptor.of(ValueLayout.JAVA_INT,"
                + " ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS), Linker.Option.critical(true))");
        assertThat(raw).containsOnlyOnce("Linker.Option.critical(true)");
        String facade = source("Roundtrip");
        assertThat(facade).contains("MemorySegment data$segment = MemorySegment.ofArray(data$bytes);");
        // Not critical: the array is copied into native memory for the call.
        assertThat(facade.substring(facade.indexOf("public static byte[] reverseBytes(byte[] bytes)")))
                .contains("frame$.allocateFrom(ValueLayout.JAVA_BYTE, bytes$bytes)");
    }

    @Test
    void closuresWidenUnsignedNumbersAsParametersDo() {
        assertThat(source("PickUnsignedCallback")).contains("long apply(int small, long large);");
        assertThat(source("Roundtrip")).contains("Unsigned.u32(context$.callback().apply(Byte.toUnsignedInt(arg_small),"
                + " Integer.toUnsignedLong(arg_large))");
        // The count_while closure takes a u32 too: the same crate, the same rule.
        assertThat(source("CountWhileCallback")).contains("boolean apply(long arg0, boolean arg1);");
    }

    @Test
    void closureArgumentsHaveTheNamesArgsGivesThemAndPositionsOtherwise() {
        assertThat(source("CounterStepsCallback")).contains("boolean apply(long step);");
        assertThat(source("SumOfCallback")).contains("long apply(int arg0);");
    }
}
