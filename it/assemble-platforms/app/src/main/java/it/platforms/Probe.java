package it.platforms;

import dev.ferrule.runtime.NativeLibrary;
import dev.ferrule.runtime.Platform;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * What an application does on start-up: load the crate's library for the platform it runs on,
 * then call it. Prints what it loaded, for MergedJarIT, which runs it in a JVM per platform.
 *
 * <p>The platform to simulate comes as arguments, set as os.name and os.arch once the JVM has
 * started: the JDK's own linker reads those properties as they were at start-up to pick its
 * calling convention, and the library really is x86_64 Linux code, so only the loader may see
 * another platform. Started with {@code -Dos.arch=aarch64}, the linker would call it the AArch64
 * way and crash the JVM.
 */
public final class Probe {

    private Probe() {
    }

    @SuppressWarnings("restricted")
    public static void main(String[] args) throws Throwable {
        System.setProperty("os.name", args[0]);
        System.setProperty("os.arch", args[1]);
        NativeLibrary library = NativeLibrary.load(Probe.class, "meter");
        MethodHandle scale = Linker.nativeLinker().downcallHandle(
                library.lookup().find("meter_scale").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));
        System.out.println("platform=" + Platform.current().id());
        System.out.println("library=" + library.path().getFileName());
        System.out.println("sha256=" + library.sha256());
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ValueLayout.JAVA_LONG);
            int status = (int) scale.invokeExact(21L, out);
            System.out.println("meter_scale(21)=" + out.get(ValueLayout.JAVA_LONG, 0) + " status " + status);
        }
    }
}
