package dev.ferrule.gen;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The JVM options for tests of a Ferrule project: native access ({@link NativeAccess}) and crash
 * isolation, which ferrule-runtime's JUnit extension provides once JUnit's extension
 * autodetection is on. Isolated tests run in child JVMs, so a native crash fails one test, with its
 * crash log, instead of ending the test JVM and every result after it.
 */
public final class TestJvmOptions {

    /** The project property the generate goal sets, for {@code <argLine>@{ferrule.argLine}</argLine>}. */
    public static final String ARG_LINE_PROPERTY = "ferrule.argLine";

    /** Which tests run in a child JVM. */
    public enum CrashIsolation {
        /** One child JVM per top-level test class; after a crash, one per test not yet run. */
        CLASS,
        /** One child JVM per test. */
        METHOD,
        /** None, except tests annotated {@code @CrashIsolated}. */
        OFF;

        /** Parses a {@code <crashIsolation>} value, naming the accepted ones when it is none of them. */
        public static CrashIsolation parse(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown crash isolation mode '" + value + "'; use one of "
                        + Arrays.stream(values()).map(CrashIsolation::parameterValue).collect(Collectors.joining(", ")),
                        e);
            }
        }

        String parameterValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private TestJvmOptions() {
    }

    /** The options for a test JVM of the given feature release. */
    public static String argLine(int featureRelease, Path crashDir, CrashIsolation isolation) {
        String nativeAccess = NativeAccess.argLine(featureRelease, crashDir);
        if (isolation == CrashIsolation.OFF) {
            return nativeAccess;
        }
        return nativeAccess + " -Djunit.jupiter.extensions.autodetection.enabled=true -Dferrule.crashIsolation="
                + isolation.parameterValue();
    }
}
