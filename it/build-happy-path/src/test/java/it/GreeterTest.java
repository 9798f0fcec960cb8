package it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrule.runtime.NativeLibrary;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import org.junit.jupiter.api.Test;

@SuppressWarnings("restricted")
class GreeterTest {

    @Test
    void packagedLibraryLoadsAndAnswers() throws Throwable {
        NativeLibrary library = NativeLibrary.load(GreeterTest.class, "greeter");
        MethodHandle doubled = Linker.nativeLinker().downcallHandle(
                library.lookup().find("greeter_double").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));

        assertThat((long) doubled.invokeExact(21L)).isEqualTo(42L);
    }
}
