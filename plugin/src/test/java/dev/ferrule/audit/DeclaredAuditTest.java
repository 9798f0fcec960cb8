package dev.ferrule.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrule.abi.RoundtripCrate;
import dev.ferrule.cargo.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Exports that ferrule-ffi's attributes generate run inside its guard and show the author no raw
 * pointer, so a crate written with them alone passes the audit untouched; the author's own body
 * is still read for panics.
 */
class DeclaredAuditTest {

    /** The repository, so that the path dependency on rust-template/ferrule-ffi is inside the project. */
    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void crateWrittenWithAttributesIsClean() throws Exception {
        RoundtripCrate.get();
        Path crate = Path.of("target/roundtrip-crate/roundtrip").toAbsolutePath();

        Auditor.Result result = AuditFixtures.audit(crate, PROJECT, true, null,
                Path.of("target/audit-roundtrip").toAbsolutePath());

        assertThat(result.findings()).isEmpty();
    }

    @Test
    void panicInAnAttributedBodyIsReportedAtTheAuthorsLine() throws Exception {
        Path work = Path.of("target/audit-roundtrip-panics").toAbsolutePath();
        Path crate = Fixtures.freshCopyOnFerruleFfi("roundtrip", work);
        AuditFixtures.edit(crate.resolve("src/lib.rs"), "    text.to_owned()\n",
                "    text.parse::<String>().unwrap()\n");

        Auditor.Result result = AuditFixtures.audit(crate, PROJECT, false, null, work.resolve("maven"));

        assertThat(result.findings()).singleElement().satisfies(audited -> {
            assertThat(audited.finding().rule()).isEqualTo(AuditRule.PANIC_IN_EXPORT);
            assertThat(audited.finding().item()).isEqualTo("roundtrip_echo_str");
            assertThat(audited.finding().message()).contains(".unwrap()");
            assertThat(Files.readAllLines(crate.resolve("src/lib.rs")).get(audited.finding().line() - 1))
                    .contains("unwrap()");
        });
    }
}
