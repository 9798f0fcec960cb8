package dev.ferrule.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.body.EnumDeclaration;
import dev.ferrule.cargo.Fixtures;
import dev.ferrule.util.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/new-rule scaffolds a rule the cargo-semver-checks way: the enum entry, the cases named
 * after it and the changelog line, in a copy of the files it edits.
 */
class NewRuleScriptTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path root;

    /** The files the script edits, laid out as in the repository. */
    private void copyTree() throws Exception {
        for (String file : List.of("CHANGELOG.md", "plugin/src/main/java/dev/ferrule/diff/AbiRule.java",
                "plugin/src/main/java/dev/ferrule/audit/AuditRule.java",
                "plugin/src/test/rust/abi-corpus/src/lib.rs", "plugin/src/test/rust/abi-corpus/Cargo.toml",
                "plugin/src/test/rust/binding-corpus/src/lib.rs", "plugin/src/test/rust/binding-corpus/Cargo.toml")) {
            Files.createDirectories(root.resolve(file).getParent());
            Files.copy(REPOSITORY.resolve(file), root.resolve(file));
        }
        Fixtures.copyTree(REPOSITORY.resolve("plugin/src/test/rust/audit/cases"),
                root.resolve("plugin/src/test/rust/audit/cases"));
    }

    private Processes.Result newRule(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("python3", REPOSITORY.resolve("scripts/new-rule")
                .toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--root", root.toString()));
        return Processes.run(command, root, Map.of());
    }

    private static List<String> constants(Path enumFile) throws Exception {
        JavaParser parser = new JavaParser(new ParserConfiguration().setLanguageLevel(
                ParserConfiguration.LanguageLevel.JAVA_17));
        return parser.parse(enumFile).getResult().orElseThrow().findFirst(EnumDeclaration.class).orElseThrow()
                .getEntries()
                .stream().map(e -> e.getNameAsString()).toList();
    }

    @Test
    void anAbiRuleGetsItsEntryItsCasesAndItsChangelogLine() throws Exception {
        copyTree();

        Processes.Result result = newRule("abi", "FN_WIDGET_CHANGED", "--binding", "--category", "JAVA");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        Path enumFile = root.resolve("plugin/src/main/java/dev/ferrule/diff/AbiRule.java");
        assertThat(constants(enumFile)).endsWith("BINDING_METADATA_CHANGED", "FN_WIDGET_CHANGED");
        Path corpus = root.resolve("plugin/src/test/rust/binding-corpus");
        assertThat(corpus.resolve("src/cases/FN_WIDGET_CHANGED/before.rs")).exists();
        assertThat(corpus.resolve("src/cases/FN_WIDGET_CHANGED/after.rs")).exists();
        assertThat(corpus.resolve("src/cases/FN_WIDGET_CHANGED/expected")).content()
                .contains("FN_WIDGET_CHANGED TODO_the_item_it_reports");
        assertThat(corpus.resolve("src/lib.rs")).content()
                .contains("#[cfg_attr(feature = \"after_fn_widget_changed\", path = \"cases/FN_WIDGET_CHANGED/after.rs\")]")
                .contains("pub mod fn_widget_changed;");
        assertThat(corpus.resolve("Cargo.toml")).content().contains("after_fn_widget_changed = []");
        assertThat(root.resolve("CHANGELOG.md")).content().contains("- check-abi rule `FN_WIDGET_CHANGED`: TODO");
    }

    @Test
    void anAuditRuleGetsItsEntryAndItsPairOfCases() throws Exception {
        copyTree();

        Processes.Result result = newRule("audit", "WIDGET_UNCHECKED");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(constants(root.resolve("plugin/src/main/java/dev/ferrule/audit/AuditRule.java")))
                .endsWith("UNUSED_SUPPRESSION", "WIDGET_UNCHECKED");
        Path cases = root.resolve("plugin/src/test/rust/audit/cases/WIDGET_UNCHECKED");
        assertThat(cases.resolve("triggers.rs")).exists();
        assertThat(cases.resolve("passes.rs")).exists();
        assertThat(root.resolve("CHANGELOG.md")).content().contains("- Audit rule `WIDGET_UNCHECKED`: TODO");
    }

    @Test
    void anExistingRuleOrABadIdIsRefusedAndNothingIsWritten() throws Exception {
        copyTree();
        String before = Files.readString(root.resolve("plugin/src/main/java/dev/ferrule/diff/AbiRule.java"));

        Processes.Result existing = newRule("abi", "FN_REMOVED");
        Processes.Result badId = newRule("abi", "fnRemoved");

        assertThat(existing.exitCode()).isEqualTo(2);
        assertThat(existing.stderr()).contains("FN_REMOVED is already a rule");
        assertThat(badId.exitCode()).isEqualTo(2);
        assertThat(badId.stderr()).contains("is not an UPPER_SNAKE_CASE rule id");
        assertThat(Files.readString(root.resolve("plugin/src/main/java/dev/ferrule/diff/AbiRule.java")))
                .isEqualTo(before);
    }
}
