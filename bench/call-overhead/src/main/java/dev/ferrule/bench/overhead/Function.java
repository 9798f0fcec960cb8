package dev.ferrule.bench.overhead;

/** A function of the suite: its id in the results and the benchmark method that calls it in every style. */
enum Function {
    NOOP("noop", "noop"),
    ADD("add", "add"),
    /** {@code add} declared {@code critical}: a leaf call, bound with {@code Linker.Option.critical}. */
    ADD_CRITICAL("add-critical", "addCritical"),
    CHECKSUM_1K("checksum-1k", "checksum1k"),
    /** {@code checksum} declared {@code critical}: the byte array is passed in place. */
    CHECKSUM_1K_CRITICAL("checksum-1k-critical", "checksum1kCritical"),
    STRING_ROUND_TRIP("string-round-trip", "stringRoundTrip"),
    HANDLE_METHOD("handle-method", "handleMethod"),
    FAIL_THROW("fail-throw", "failThrow"),
    CALLBACK("callback", "callback");

    final String id;
    final String method;

    Function(String id, String method) {
        this.id = id;
        this.method = method;
    }
}
