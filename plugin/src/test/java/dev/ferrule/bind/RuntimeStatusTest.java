package dev.ferrule.bind;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The runtime error codes have one source, ferrule-ffi's {@code status.rs}; the Java side the
 * generators use must agree with it in code, name and meaning.
 */
class RuntimeStatusTest {

    private static final Path STATUS_RS = Path.of("../rust-template/ferrule-ffi/src/status.rs");
    private static final Pattern VARIANT = Pattern.compile(
            "((?:[ \\t]*///[^\\n]*\\n)+)[ \\t]*(\\w+) = (-?\\d+),");
    private static final Pattern NAME_ARM = Pattern.compile("RuntimeError::(\\w+) => \"(\\w+)\"");

    /** One runtime error as status.rs declares it. */
    record Declared(String variant, int code, String name, String doc) {
    }

    /** Every variant of {@code enum RuntimeError} with its code, its stable name and its doc. */
    static List<Declared> declared(String statusRs) {
        String body = statusRs.substring(statusRs.indexOf("pub enum RuntimeError"));
        body = body.substring(0, body.indexOf("\n}"));
        Map<String, String> names = new TreeMap<>();
        Matcher arm = NAME_ARM.matcher(statusRs);
        while (arm.find()) {
            names.put(arm.group(1), arm.group(2));
        }
        List<Declared> out = new ArrayList<>();
        Matcher variant = VARIANT.matcher(body);
        while (variant.find()) {
            String doc = Arrays.stream(variant.group(1).split("\n")).map(l -> l.strip().substring(3).strip())
                    .reduce((a, b) -> a + " " + b).orElse("");
            out.add(new Declared(variant.group(2), Integer.parseInt(variant.group(3)), names.get(variant.group(2)),
                    doc));
        }
        return out;
    }

    /** What differs between status.rs and {@link RuntimeStatus}, one line each. */
    static List<String> differences(List<Declared> rust) {
        List<String> problems = new ArrayList<>();
        Map<String, RuntimeStatus> java = new TreeMap<>();
        Arrays.stream(RuntimeStatus.values()).forEach(s -> java.put(s.name(), s));
        for (Declared declared : rust) {
            if (declared.name() == null) {
                problems.add(declared.variant() + " = " + declared.code() + " has no stable name in"
                        + " RuntimeError::name()");
                continue;
            }
            RuntimeStatus status = java.remove(declared.name());
            if (status == null) {
                problems.add(declared.variant() + " (" + declared.name() + " = " + declared.code()
                        + ") is not in RuntimeStatus");
                continue;
            }
            if (status.code() != declared.code()) {
                problems.add(declared.name() + " is " + declared.code() + " in Rust, " + status.code() + " in Java");
            }
            if (!status.meaning().equals(declared.doc())) {
                problems.add(declared.name() + " means \"" + declared.doc() + "\" in Rust, \"" + status.meaning()
                        + "\" in Java");
            }
            if (!status.exceptionName().equals(declared.variant() + "Exception")) {
                problems.add(declared.name() + " becomes " + status.exceptionName() + ", not "
                        + declared.variant() + "Exception");
            }
        }
        java.keySet().forEach(name -> problems.add(name + " is in RuntimeStatus but not in status.rs"));
        return problems;
    }

    @Test
    void javaAgreesWithStatusRsInCodeNameAndMeaning() throws Exception {
        List<Declared> rust = declared(Files.readString(STATUS_RS));

        assertThat(rust).hasSize(RuntimeStatus.values().length);
        assertThat(differences(rust)).isEmpty();
    }

    @Test
    void aRenumberedOrRewordedRustErrorIsReported() throws Exception {
        String statusRs = Files.readString(STATUS_RS);
        String changed = statusRs.replace("StaleHandle = -4,", "StaleHandle = -11,")
                .replace("/// The object was closed.", "/// The object is closed.");
        assertThat(changed).isNotEqualTo(statusRs);

        assertThat(differences(declared(changed))).containsExactlyInAnyOrder(
                "STALE_HANDLE is -11 in Rust, -4 in Java",
                "CLOSED means \"The object is closed.\" in Rust, \"The object was closed.\" in Java");
    }

    @Test
    void aRustErrorJavaDoesNotKnowIsReported() throws Exception {
        String added = Files.readString(STATUS_RS).replace("    InvalidArgument = -10,\n",
                "    InvalidArgument = -10,\n    /// The call timed out.\n    TimedOut = -12,\n")
                .replace("RuntimeError::InvalidArgument => \"INVALID_ARGUMENT\",",
                        "RuntimeError::InvalidArgument => \"INVALID_ARGUMENT\",\n            RuntimeError::TimedOut"
                                + " => \"TIMED_OUT\",");

        assertThat(differences(declared(added))).containsExactly("TimedOut (TIMED_OUT = -12) is not in RuntimeStatus");
    }
}
