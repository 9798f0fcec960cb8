package dev.ferrule.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.AbstractMojo;
import org.junit.jupiter.api.Test;

/**
 * The configuration text keys ferrule:generate's up-to-date check, so every parameter must
 * change it: one the text missed would let a changed build reuse the last run's output.
 */
@MojoTest
class MojoConfigurationTest {

    private static final String MINIMAL = "src/test/resources/unit/minimal/pom.xml";

    @Test
    @InjectMojo(goal = "generate", pom = MINIMAL)
    void theSameConfigurationGivesTheSameText(GenerateMojo mojo) {
        assertThat(MojoConfiguration.describe(mojo)).isEqualTo(MojoConfiguration.describe(mojo))
                .doesNotContain("project=").contains("GenerateMojo.packageName=", "AbstractCargoMojo.features=");
    }

    @Test
    @InjectMojo(goal = "generate", pom = MINIMAL)
    void everyParameterChangesTheText(GenerateMojo mojo) throws Exception {
        List<String> unnoticed = new ArrayList<>();
        int parameters = 0;
        for (Class<?> type = GenerateMojo.class; type != AbstractMojo.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                field.setAccessible(true);
                Object other = otherValue(field, field.get(mojo));
                if (Modifier.isStatic(field.getModifiers()) || other == null) {
                    continue;
                }
                parameters++;
                Object original = field.get(mojo);
                String before = MojoConfiguration.describe(mojo);
                field.set(mojo, other);
                if (MojoConfiguration.describe(mojo).equals(before)) {
                    unnoticed.add(type.getSimpleName() + "." + field.getName());
                }
                field.set(mojo, original);
            }
        }
        assertThat(parameters).isGreaterThan(20);
        assertThat(unnoticed).isEmpty();
    }

    @Test
    @InjectMojo(goal = "generate", pom = MINIMAL)
    void aNestedElementIsDescribedByItsFields(GenerateMojo mojo) throws Exception {
        ContractTestSkip skip = new ContractTestSkip();
        skip.setTest("echo.emptyText");
        skip.setReason("empty text is refused by design");
        mojo.contractTestSkips = List.of(skip);
        String described = MojoConfiguration.describe(mojo);
        skip.setReason("another reason");
        assertThat(MojoConfiguration.describe(mojo)).isNotEqualTo(described).contains("another reason");
    }

    /** A value unlike any default, for each kind of parameter; null for injected Maven objects. */
    private static Object otherValue(Field field, Object current) {
        Class<?> type = field.getType();
        if (type == String.class) {
            return "changed-value";
        }
        if (type == boolean.class || type == Boolean.class) {
            return Boolean.TRUE.equals(current) ? Boolean.FALSE : Boolean.TRUE;
        }
        if (type == File.class) {
            return new File("changed-directory");
        }
        if (type == List.class) {
            return List.of("changed-item");
        }
        if (type == Map.class) {
            return Map.of("CHANGED", "1");
        }
        return null;
    }
}
