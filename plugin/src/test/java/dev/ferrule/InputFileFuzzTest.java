package dev.ferrule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferrule.abi.AbiException;
import dev.ferrule.abi.AbiExtractor;
import dev.ferrule.abi.AbiSnapshots;
import dev.ferrule.audit.AuditException;
import dev.ferrule.audit.AuditReports;
import dev.ferrule.audit.CrateSources;
import dev.ferrule.audit.Suppressions;
import dev.ferrule.cargo.BoundLibraries;
import dev.ferrule.cargo.CargoException;
import dev.ferrule.cargo.FerruleMetadata;
import dev.ferrule.cargo.IncrementalState;
import dev.ferrule.cargo.NativeAssembler;
import dev.ferrule.cargo.RecordingLog;
import dev.ferrule.diff.Acceptances;
import dev.ferrule.diff.CheckException;
import dev.ferrule.diff.CheckReports;
import dev.ferrule.util.Hashing;
import dev.ferrule.util.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every JSON file Ferrule reads, broken every way a crash, a bad merge or a hand edit can break
 * it: truncated at many points, each field left out, each field null, each value of the wrong
 * type, and nothing at all. Each reader must take the file, or refuse it with its own exception
 * (naming the file); a cache is discarded. No NullPointerException, ClassCastException or other
 * runtime exception may come out, since it would reach the user as a stack trace.
 */
class InputFileFuzzTest {

    private static final Path GOLDEN_SNAPSHOT = Path.of(
            "src/test/resources/golden/abi_fixture-x86_64-unknown-linux-gnu.abi.json");

    @TempDir
    static Path work;

    /** Reads one variant placed at {@code file}; may throw only the checked exception of its kind. */
    @FunctionalInterface
    interface Reader {
        void read(Path file) throws Exception;
    }

    private record Input(String name, String fileName, String valid, Reader reader) {
    }

    private static List<Input> inputs() throws Exception {
        RecordingLog log = new RecordingLog();
        Path crate = work.resolve("crate");
        Files.createDirectories(crate.resolve("src"));
        Files.writeString(crate.resolve("src/lib.rs"), "//! empty\n");
        CrateSources sources = CrateSources.load(crate, "src/lib.rs");
        return List.of(
                new Input("committed ABI snapshot", "lib-x86_64-unknown-linux-gnu.abi.json",
                        Files.readString(GOLDEN_SNAPSHOT), AbiSnapshots::read),
                new Input("cached ABI model", "lib.model.json", Files.readString(GOLDEN_SNAPSHOT),
                        file -> AbiExtractor.readCachedModel(file, log)),
                new Input("build state", "build-state.json", """
                        {"formatVersion": 2, "configFingerprint": "abc",
                         "inputs": {"/w/src/lib.rs": "aa", "/w/Cargo.toml": "bb"},
                         "artifacts": {"x86_64-unknown-linux-gnu": {"path": "/w/t/libx.so", "sha256": "cc",
                           "features": ["default"], "rlib": "/w/t/libx.rlib"}}}""",
                        file -> IncrementalState.load(file.getParent())),
                new Input("accepted.json", "accepted.json", """
                        {"acceptances": [
                          {"rule": "FN_REMOVED", "item": "fx_old", "reason": "gone in 2.0", "until": "2.0.0"},
                          {"rule": "FIELD_RENAMED", "item": "Point.*", "reason": "internal"}]}""",
                        Acceptances::read),
                new Input("audit suppressions", "suppressions.json", """
                        {"suppressions": [
                          {"rule": "GIT_DEPENDENCY", "item": "forked-*", "reason": "upstream fix not out"},
                          {"rule": "OVERFLOW_CHECKS_OFF", "file": "Cargo.toml", "reason": "benchmarked"}]}""",
                        file -> Suppressions.load(file, "suppressions.json", sources, List.of("Cargo.toml"))),
                new Input("build-info.json of a native build", "build-info.json", buildInfo(),
                        file -> {
                            Path build = file.getParent().getParent().getParent().getParent();
                            NativeAssembler.assemble(work.resolve("merged").resolve(build.getFileName()),
                                    List.of(build), Optional.empty(), work.resolve("state"));
                        }),
                new Input("bound-libraries.json (what the bindings expect)", BoundLibraries.FILE_NAME, """
                        {"schemaVersion": 1, "bindings": "org.acme.GaugeNative", "abiFingerprint": "f00d",
                         "sha256ByPlatform": {"linux-x86_64": "aa", "macos-aarch64": "bb"}}""",
                        file -> BoundLibraries.read(file.getParent())),
                new Input("[package.metadata.ferrule]", "metadata.json", """
                        {"functions": {"lib_sum": {"critical": true, "params": {"data": "bytes"},
                          "returns": "status"}, "lib_raw": {"raw-only": true}}}""",
                        file -> FerruleMetadata.parse(Json.mapper().readTree(file.toFile()), "Cargo.toml")),
                new Input("abi-diff.json (site report)", "abi-diff.json", abiDiff(), CheckReports::read),
                new Input("audit.json (site report)", "audit.json", """
                        {"schemaVersion": 1, "tool": "ferrule audit", "crate": "c", "version": "1.0.0",
                         "failed": false, "failOn": "ERROR", "counts": {"ERROR": 0, "WARNING": 1, "NOTE": 0},
                         "suppressed": 0, "findings": [{"rule": "OVERFLOW_CHECKS_OFF", "level": "WARNING",
                           "heuristic": false, "item": "profile.release", "message": "off",
                           "file": "Cargo.toml", "line": 3, "status": "reported", "fix": "turn it on"}]}""",
                        AuditReports::read));
    }

    /** A build-info.json whose library is next to it, so the reader gets past the hash check. */
    private static String buildInfo() throws IOException {
        return """
                {"schemaVersion": 1, "crateName": "demo", "crateVersion": "1.0.0",
                 "target": "x86_64-unknown-linux-gnu", "platform": "linux-x86_64", "profile": "release",
                 "features": ["default"], "unsafeFeatures": [], "rustc": "rustc 1.95.0",
                 "library": "libdemo.so", "sha256": "%s", "abiFingerprint": "f00d"}""".formatted(
                Hashing.sha256Hex("native".getBytes(StandardCharsets.UTF_8)));
    }

    private static String abiDiff() {
        return """
                {"schemaVersion": 2, "tool": "ferrule check-abi", "failed": true,
                 "failOn": {"binary": "BREAKING", "source": "BREAKING"},
                 "results": [{"snapshot": "demo-x86_64-unknown-linux-gnu",
                   "snapshotFile": "src/main/abi/demo-x86_64-unknown-linux-gnu.abi.json",
                   "baselineVersion": "1.0.0", "currentVersion": "1.0.0",
                   "semver": {"baselineVersion": "1.0.0", "currentVersion": "1.0.0", "required": "MAJOR",
                     "actual": "NONE", "satisfied": false},
                   "binaryCounts": {"BREAKING": 1, "POTENTIALLY_BREAKING": 0, "COMPATIBLE": 0},
                   "sourceCounts": {"BREAKING": 1, "POTENTIALLY_BREAKING": 0, "COMPATIBLE": 0},
                   "notes": ["a note"],
                   "findings": [{"rule": "FN_REMOVED", "binary": {"severity": "BREAKING", "semver": "MAJOR"},
                     "source": {"severity": "BREAKING", "semver": "MAJOR"}, "item": "b",
                     "message": "'b' is no longer exported", "file": "src/lib.rs", "line": 3,
                     "locationFrom": "snapshot", "status": "FAILING", "fix": "restore it"}],
                   "unusedAcceptances": [], "expiredAcceptances": []}],
                 "missingBaselines": [{"snapshot": "demo-aarch64-apple-darwin",
                   "expectedFile": "src/main/abi/demo-aarch64-apple-darwin.abi.json",
                   "command": "mvn ferrule:snapshot"}]}""";
    }

    /** The valid file, then every broken form of it. */
    static List<String> variants(String valid) throws IOException {
        List<String> variants = new ArrayList<>(List.of("", "null", "{}", "[]", "\"text\"", "42"));
        for (int cut = 1; cut <= 24; cut++) {
            variants.add(valid.substring(0, valid.length() * cut / 25));
        }
        JsonNode root = Json.mapper().readTree(valid);
        List<String> paths = new ArrayList<>();
        collect(root, "", paths);
        for (String path : paths) {
            for (String how : List.of("drop", "null", "retype")) {
                JsonNode copy = root.deepCopy();
                breakAt(copy, path, how);
                variants.add(Json.mapper().writeValueAsString(copy));
            }
        }
        return variants;
    }

    /** Every field and array element, as a JSON pointer. */
    private static void collect(JsonNode node, String pointer, List<String> paths) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String child = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                paths.add(child);
                collect(field.getValue(), child, paths);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                paths.add(pointer + "/" + i);
                collect(node.get(i), pointer + "/" + i, paths);
            }
        }
    }

    private static void breakAt(JsonNode root, String pointer, String how) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String key = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        JsonNode current = root.at(pointer);
        JsonNode replacement = switch (how) {
            case "null" -> JsonNodeFactory.instance.nullNode();
            case "retype" -> current.isTextual() ? JsonNodeFactory.instance.numberNode(7)
                    : current.isContainerNode() ? JsonNodeFactory.instance.textNode("x")
                    : JsonNodeFactory.instance.arrayNode();
            default -> null;
        };
        if (parent instanceof ObjectNode object) {
            if (replacement == null) {
                object.remove(key);
            } else {
                object.set(key, replacement);
            }
        } else if (parent instanceof ArrayNode array) {
            int index = Integer.parseInt(key);
            if (replacement == null) {
                array.remove(index);
            } else {
                array.set(index, replacement);
            }
        }
    }

    private static boolean expected(Throwable e) {
        return e instanceof AbiException || e instanceof CheckException || e instanceof AuditException
                || e instanceof CargoException || e instanceof IOException;
    }

    @TestFactory
    Stream<DynamicTest> everyBrokenInputIsTakenOrRefusedByName() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Input input : inputs()) {
            tests.add(DynamicTest.dynamicTest(input.name(), () -> {
                List<String> variants = variants(input.valid());
                List<String> crashes = new ArrayList<>();
                int refused = 0;
                for (int i = 0; i < variants.size(); i++) {
                    Path dir = input.name().startsWith("build-info")
                            ? work.resolve(input.fileName() + "-" + i + "/META-INF/native/linux-x86_64")
                            : work.resolve(input.fileName() + "-" + i);
                    Files.createDirectories(dir);
                    Files.writeString(dir.resolve("libdemo.so"), "native");
                    Path file = dir.resolve(input.fileName());
                    Files.writeString(file, variants.get(i));
                    try {
                        input.reader().read(file);
                    } catch (Exception e) {
                        if (!expected(e) || String.valueOf(e.getMessage()).contains("NullPointerException")) {
                            crashes.add("variant " + i + " " + variants.get(i) + "\n  -> " + e);
                        } else {
                            refused++;
                        }
                    }
                }
                assertThat(crashes).as("%s: variants that crashed the reader", input.name()).isEmpty();
                // The fuzzing reached the checks: committed files are refused when broken (caches
                // are discarded instead, which throws nothing).
                if (!input.name().startsWith("cached") && !input.name().startsWith("build state")) {
                    assertThat(refused).as("%s: refused of %d variants", input.name(), variants.size())
                            .isGreaterThan(0);
                }
            }));
        }
        return tests.stream();
    }

    // ---- the cases reported in issue 19, each of which used to end in a NullPointerException ----

    private static Path file(String name, String content) throws IOException {
        Path dir = Files.createTempDirectory(work, "case");
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void aBuildStateOfNullOrWithoutItsFieldsIsIgnoredWithAReason() throws Exception {
        for (String state : List.of("null", "{\"formatVersion\":2}")) {
            IncrementalState.Loaded loaded = IncrementalState.load(file("build-state.json", state).getParent());
            assertThat(loaded.state()).isEmpty();
            assertThat(loaded.why()).contains("build-state.json is incomplete (no ")
                    .contains("ignoring it").doesNotContain("no previous build recorded");
        }
    }

    @Test
    void aCachedModelThatParsesButIsEmptyIsDiscardedWithOneLine() throws Exception {
        RecordingLog log = new RecordingLog();
        assertThat(AbiExtractor.readCachedModel(file("lib.model.json", "{}"), log)).isEmpty();
        assertThat(log.lines).singleElement().asString().contains("is incomplete (no crate); discarding it");
    }

    @Test
    void aSnapshotOfOnlyItsSchemaVersionNamesWhatItLacks() throws Exception {
        Path snapshot = file("lib-x86_64-unknown-linux-gnu.abi.json", "{\"schemaVersion\":1}");
        assertThatThrownBy(() -> AbiSnapshots.read(snapshot)).isInstanceOf(AbiException.class)
                .hasMessageContaining(snapshot + " is incomplete: it has no `crate`")
                .hasMessageContaining("mvn ferrule:snapshot");
    }

    @Test
    void aNullAcceptanceIsRefusedByItsPlace() throws Exception {
        Path accepted = file("accepted.json", "{\"acceptances\":[null]}");
        assertThatThrownBy(() -> Acceptances.read(accepted)).isInstanceOf(CheckException.class)
                .hasMessageContaining("accepted.json entry 1: null instead of an entry");
    }

    @TestFactory
    Stream<DynamicTest> everyValidInputIsTaken() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Input input : inputs()) {
            tests.add(DynamicTest.dynamicTest(input.name(), () -> {
                Path dir = input.name().startsWith("build-info")
                        ? work.resolve("valid-" + input.fileName() + "/META-INF/native/linux-x86_64")
                        : work.resolve("valid-" + input.fileName());
                Files.createDirectories(dir);
                Files.writeString(dir.resolve("libdemo.so"), "native");
                Path file = dir.resolve(input.fileName());
                Files.writeString(file, input.valid());
                input.reader().read(file);
            }));
        }
        return tests.stream();
    }
}
