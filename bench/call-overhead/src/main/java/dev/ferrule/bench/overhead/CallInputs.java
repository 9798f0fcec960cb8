package dev.ferrule.bench.overhead;

/**
 * The arguments every binding style passes, so that the benchmarks of one function do the same
 * work in each style. They are read from fields, not constants, so that the JIT cannot fold them.
 */
abstract class CallInputs {

    static final long ADD_LEFT = 40;
    static final long ADD_RIGHT = 2;
    static final int CHECKSUM_BYTES = 1024;
    static final String TEXT = "Ferrule call overhead: this text goes into Rust and comes back.";
    static final long COUNTER_STEP = 1;
    static final long CALLBACK_VALUE = 41;

    long addLeft = ADD_LEFT;
    long addRight = ADD_RIGHT;
    byte[] checksumInput = checksumInput();
    String text = TEXT;
    long counterStep = COUNTER_STEP;
    long callbackValue = CALLBACK_VALUE;

    /** 1 KiB of varied bytes: the input of the checksum benchmarks. */
    static byte[] checksumInput() {
        byte[] bytes = new byte[CHECKSUM_BYTES];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return bytes;
    }

    /** What every style's callback computes when the library calls it. */
    static long plusOne(long value) {
        return value + 1;
    }
}
