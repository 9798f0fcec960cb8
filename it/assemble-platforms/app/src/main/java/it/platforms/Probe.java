package it.platforms;

import dev.ferrule.runtime.NativeLibrary;
import dev.ferrule.runtime.Platform;
import it.meter.MeterNative;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * What an application does on start-up: call the crate through its generated bindings, which
 * load the library for the platform it runs on. Prints what was loaded, for MergedJarIT and
 * TamperedJarIT, which run it in a JVM per case.
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

    public static void main(String[] args) throws Throwable {
        System.setProperty("os.name", args[0]);
        System.setProperty("os.arch", args[1]);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ValueLayout.JAVA_LONG);
            int status = MeterNative.meter_scale(21L, out);
            // The bindings loaded it already; this returns that library, checked the same way.
            NativeLibrary library = NativeLibrary.load(MeterNative.class, MeterNative.LIBRARY,
                    new NativeLibrary.Expected(MeterNative.LIBRARY_SHA256, MeterNative.FEATURES));
            System.out.println("platform=" + Platform.current().id());
            System.out.println("library=" + library.path().getFileName());
            System.out.println("sha256=" + library.sha256());
            System.out.println("meter_scale(21)=" + out.get(ValueLayout.JAVA_LONG, 0) + " status " + status);
        }
    }
}
