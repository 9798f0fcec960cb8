package dev.ferrule.bench.overhead;

/**
 * A failed call in the styles without generated exceptions (raw-ffm, jna-direct, jni): the
 * status and the library's last error message. The JNI glue constructs it too.
 */
public final class NativeCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** ferrule-ffi bounds the last error message to 1 KiB, so a buffer of this size always holds it. */
    static final int LAST_ERROR_CAPACITY = 1024;

    private final int status;

    NativeCallException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The status the library returned: positive for the crate's errors, negative for ferrule-ffi's. */
    public int status() {
        return status;
    }
}
