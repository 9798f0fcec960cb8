package dev.ferrule.bench.overhead;

import com.sun.jna.Callback;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import dev.ferrule.bench.overhead.generated.CallOverheadNative;
import dev.ferrule.runtime.NativeLibrary;

/**
 * The library's exports through JNA's direct mapping ({@code Native.register}), JNA's fastest
 * style: each {@code native} method is bound to its symbol once, with no proxy in between.
 * {@code size_t} is a Java {@code long}: these bindings are for 64-bit platforms.
 */
public final class JnaDirect {

    static {
        // The file ferrule-runtime extracted and verified, so that every style calls one library.
        String library = NativeLibrary.load(CallOverheadNative.class, CallOverheadNative.LIBRARY).path().toString();
        Native.register(JnaDirect.class, com.sun.jna.NativeLibrary.getInstance(library));
    }

    private JnaDirect() {
    }

    /** ferrule-ffi's {@code FfiBuffer}: bytes the library owns until {@code call_overhead_buffer_free}. */
    @Structure.FieldOrder({"ptr", "len"})
    public static class FfiBuffer extends Structure {
        public Pointer ptr;
        public long len;

        /** The same struct, passed by value. */
        public static final class ByValue extends FfiBuffer implements Structure.ByValue {
        }
    }

    /** {@code ValueCallback}: the library calls it with a value and the user data it was given. */
    public interface ValueCallback extends Callback {
        long invoke(long value, long userData);
    }

    static native int call_overhead_noop();

    static native int call_overhead_add(long a, long b, long[] out);

    static native int call_overhead_checksum(byte[] data, long len, int[] out);

    static native int call_overhead_add_critical(long a, long b, long[] out);

    static native int call_overhead_checksum_critical(byte[] data, long len, int[] out);

    static native int call_overhead_echo(byte[] text, long textLen, FfiBuffer out);

    static native void call_overhead_buffer_free(FfiBuffer.ByValue buffer);

    static native int call_overhead_counter_new(long initial, long[] out);

    static native int call_overhead_counter_add(long counter, long amount, long[] out);

    static native int call_overhead_counter_release(long counter);

    static native int call_overhead_always_fail();

    static native int call_overhead_apply_callback(long value, ValueCallback callback, long userData, long[] out);

    static native long call_overhead_last_error_message(byte[] buf, long cap);
}
