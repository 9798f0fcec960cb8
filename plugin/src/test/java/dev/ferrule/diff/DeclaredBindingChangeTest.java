package dev.ferrule.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrule.abi.AbiExtractor;
import dev.ferrule.abi.AbiModel;
import dev.ferrule.abi.RoundtripCrate;
import dev.ferrule.bind.BindingSnapshots;
import dev.ferrule.cargo.BuildLog;
import dev.ferrule.cargo.BuildOutcome;
import dev.ferrule.cargo.CargoBuilder;
import dev.ferrule.cargo.FerruleMetadata;
import dev.ferrule.cargo.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * check-abi on a crate written with ferrule-ffi's attributes: the declaration is part of the
 * snapshot, so a change of Rust type that keeps the C signature but changes the Java one is
 * still reported, and says the declaration decided it.
 */
class DeclaredBindingChangeTest {

    private static final Path WORK = Path.of("target/declared-binding-change").toAbsolutePath();

    /** The roundtrip crate with one edit to its source, built and extracted. */
    private static AbiModel edited(String name, String from, String to) throws Exception {
        Path dir = WORK.resolve(name);
        Path crate = Fixtures.freshCopyOnFerruleFfi("roundtrip", dir);
        Path lib = crate.resolve("src/lib.rs");
        String text = Files.readString(lib, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(lib, text.replace(from, to), StandardCharsets.UTF_8);
        Fixtures.Request request = new Fixtures.Request(crate, dir);
        BuildOutcome build = new CargoBuilder(BuildLog.silent()).build(request.toRequest());
        return new AbiExtractor(BuildLog.silent()).extract(request.toRequest(), build).get(0).model();
    }

    private static List<AbiChange> diff(AbiModel before, AbiModel after) throws Exception {
        List<AbiChange> changes = new ArrayList<>(AbiDiffer.diff(before, after));
        changes.addAll(BindingDiffer.diff(before, BindingSnapshots.of(before, FerruleMetadata.NONE), after,
                BindingSnapshots.of(after, FerruleMetadata.NONE)));
        return changes;
    }

    @Test
    void textBecomingBytesKeepsTheCSignatureButBreaksJavaSource() throws Exception {
        AbiModel before = RoundtripCrate.get().model();
        AbiModel after = edited("str-to-bytes", "pub fn echo_str(text: &str) -> String {\n    text.to_owned()",
                "pub fn echo_str(text: &[u8]) -> String {\n    String::from_utf8_lossy(text).into_owned()");

        List<AbiChange> changes = diff(before, after);

        assertThat(changes).extracting(AbiChange::rule).containsExactly(AbiRule.JAVA_PARAMETERS_CHANGED);
        AbiChange change = changes.get(0);
        assertThat(change.item()).isEqualTo("roundtrip_echo_str");
        assertThat(change.message()).isEqualTo("echoStr: (String text) -> (byte[] text); text: string by declared"
                + " -> bytes by declared");
        assertThat(change.binary().severity()).isEqualTo(Severity.COMPATIBLE);
        assertThat(change.source().severity()).isEqualTo(Severity.BREAKING);
    }

    @Test
    void droppingCriticalFromTheAttributeIsReportedAsTheMetadataKeyWouldBe() throws Exception {
        AbiModel before = RoundtripCrate.get().model();
        AbiModel after = edited("not-critical", "#[ferrule_ffi::expose(critical)]\npub fn count_bytes",
                "#[ferrule_ffi::expose]\npub fn count_bytes");

        List<AbiChange> changes = diff(before, after);

        assertThat(changes).extracting(AbiChange::rule).containsExactly(AbiRule.BINDING_METADATA_CHANGED);
        assertThat(changes.get(0).item()).isEqualTo("roundtrip_count_bytes.critical");
    }

    @Test
    void aChangedBodyChangesNothing() throws Exception {
        AbiModel before = RoundtripCrate.get().model();
        AbiModel after = edited("body-only", "pub fn echo_str(text: &str) -> String {\n    text.to_owned()",
                "pub fn echo_str(text: &str) -> String {\n    String::from(text)");

        assertThat(diff(before, after)).isEmpty();
    }
}
