package dev.ferrule.bench.overhead;

/** A binding style: its id in the results and the benchmark class that calls every function through it. */
enum Style {
    RAW_FFM("raw-ffm", RawFfmBenchmark.class),
    FERRULE_SAFE("ferrule-safe", FerruleSafeBenchmark.class),
    FERRULE_SAFE_RAW_HANDLES("ferrule-safe-raw-handles", FerruleSafeRawHandlesBenchmark.class),
    FERRULE_EXPOSED("ferrule-exposed", FerruleExposedBenchmark.class),
    JNA_DIRECT("jna-direct", JnaDirectBenchmark.class),
    JNI("jni", JniBenchmark.class);

    final String id;
    final Class<? extends CallInputs> benchmark;

    Style(String id, Class<? extends CallInputs> benchmark) {
        this.id = id;
        this.benchmark = benchmark;
    }
}
