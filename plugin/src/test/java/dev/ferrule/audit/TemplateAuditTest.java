package dev.ferrule.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The crate ferrule:init scaffolds is the example users copy, so it must pass its own audit untouched. */
class TemplateAuditTest {

    @Test
    void templateCrateIsClean() throws Exception {
        Path template = Path.of("../rust-template/template").toAbsolutePath().normalize();
        Path projectRoot = ProjectRoots.find(template, template.getParent());

        Auditor.Result result = AuditFixtures.audit(template, projectRoot, true, null,
                Path.of("target/audit-template").toAbsolutePath());

        assertThat(result.findings()).isEmpty();
        assertThat(result.crateName()).isEqualTo("template");
    }
}
