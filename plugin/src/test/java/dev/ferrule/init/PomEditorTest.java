package dev.ferrule.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** ferrule:init in an existing module adds to its POM and keeps everything that was there. */
class PomEditorTest {

    private static final String MODULE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0">
                <modelVersion>4.0.0</modelVersion>
                <!-- our library -->
                <groupId>org.acme</groupId>
                <artifactId>gauge</artifactId>
                <version>1.0</version>
                <properties>
                    <maven.compiler.release>25</maven.compiler.release>
                </properties>
                <dependencies>
                    <dependency>
                        <groupId>org.junit.jupiter</groupId>
                        <artifactId>junit-jupiter</artifactId>
                        <version>5.10.0</version>
                        <scope>test</scope>
                    </dependency>
                </dependencies>
            </project>
            """;

    @Test
    void addsOnlyWhatIsMissingAndKeepsCommentsAndIndentation() throws Exception {
        PomEditor.Edit edit = PomEditor.addFerrule(MODULE, "org.acme.gauge", "1.2.3");

        assertThat(edit.pom()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<project xmlns=")
                .contains("    <!-- our library -->\n")
                .contains("        <maven.compiler.release>25</maven.compiler.release>\n"
                        + "        <ferrule.argLine>--enable-native-access=ALL-UNNAMED</ferrule.argLine>\n    </properties>")
                .contains("        <dependency>\n            <groupId>dev.ferrule</groupId>\n"
                        + "            <artifactId>ferrule-runtime</artifactId>\n            <version>1.2.3</version>\n"
                        + "        </dependency>\n    </dependencies>")
                .contains("<packageName>org.acme.gauge</packageName>", "<goal>audit</goal>",
                        "<argLine>@{ferrule.argLine}</argLine>", "<version>[22,)</version>")
                .contains("    </build>\n    <reporting>\n        <plugins>\n            <plugin>\n")
                .contains("<report>abi-report</report>", "<report>audit-report</report>")
                .endsWith("    </reporting>\n</project>\n");
        assertThat(edit.pom()).containsOnlyOnce("<artifactId>junit-jupiter</artifactId>")
                .containsOnlyOnce("<maven.compiler.release>");
        assertThat(edit.changes()).contains("dependency dev.ferrule:ferrule-runtime:1.2.3",
                "plugin ferrule-maven-plugin (generate, test, check-abi, audit)",
                "report ferrule-maven-plugin (abi-report, audit-report: pages of mvn verify site)",
                "plugin maven-site-plugin 3.21.0 (the Ferrule reports need Doxia 2)")
                .noneMatch(change -> change.contains("junit") || change.startsWith("property maven.compiler.release"));
    }

    @Test
    void theProjectTagAndWhatComesBeforeItStayAsWritten() throws Exception {
        String pom = """
                <?xml version='1.0' encoding='UTF-8'?>
                <!-- Licensed to the Acme Foundation; <project> is ours. -->
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>org.acme</groupId>
                  <artifactId>kv</artifactId>
                  <version>1.0</version>
                </project>
                """;
        PomEditor.Edit edit = PomEditor.addFerrule(pom, "org.acme.kv", "1.2.3", "${project.basedir}/native/kv");

        assertThat(edit.pom()).startsWith(pom.substring(0, pom.indexOf("  <modelVersion>")))
                .contains("<crateDir>${project.basedir}/native/kv</crateDir>");
        assertThat(edit.changes()).contains(
                "plugin ferrule-maven-plugin (generate, test, check-abi, audit; crateDir ${project.basedir}/native/kv)");
    }

    @Test
    void aPomWithoutAttributesOrDeclarationIsKeptAsWrittenToo() throws Exception {
        String pom = "<project>\n  <modelVersion>4.0.0</modelVersion>\n</project>\n";
        assertThat(PomEditor.addFerrule(pom, "a.b", "1").pom()).startsWith("<project>\n  <modelVersion>4.0.0")
                .endsWith("</project>\n").doesNotContain("<crateDir>");
    }

    @Test
    void refusesAPomThatAlreadyUsesFerruleOrIsNotXml() {
        String withFerrule = MODULE.replace("</project>", "<build><plugins><plugin><artifactId>ferrule-maven-plugin"
                + "</artifactId></plugin></plugins></build></project>");
        assertThatThrownBy(() -> PomEditor.addFerrule(withFerrule, "a.b", "1")).isInstanceOf(InitException.class)
                .hasMessageContaining("already uses ferrule-maven-plugin");
        assertThatThrownBy(() -> PomEditor.addFerrule("<project><oops></project>", "a.b", "1"))
                .isInstanceOf(InitException.class).hasMessageContaining("pom.xml is not well-formed XML");
    }
}
