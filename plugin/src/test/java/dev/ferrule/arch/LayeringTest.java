package dev.ferrule.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** Mojos stay thin: the core must be usable, and testable, without Maven. */
@AnalyzeClasses(packages = "dev.ferrule", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    private static final String[] MAVEN_PACKAGES = {"org.apache.maven..", "org.codehaus.plexus.component.."};

    @ArchTest
    static final ArchRule coreNeverImportsMaven = noClasses()
            .that().resideOutsideOfPackage("dev.ferrule.maven..")
            .should().dependOnClassesThat().resideInAnyPackage(MAVEN_PACKAGES)
            .because("the core (cargo, abi, diff, gen, report, audit) must not depend on Maven");

    @ArchTest
    static final ArchRule coreNeverReachesIntoMojos = noClasses()
            .that().resideOutsideOfPackage("dev.ferrule.maven..")
            .should().dependOnClassesThat().resideInAPackage("dev.ferrule.maven..")
            .because("Mojos translate Maven to the core, never the other way round");

    /** Guards the guard: the same check must flag the Mojo package, which does import Maven. */
    @Test
    void mavenCheckDetectsAMavenImport() {
        JavaClasses mojos = new ClassFileImporter().importPackages("dev.ferrule.maven");

        assertThat(noClasses().should().dependOnClassesThat().resideInAnyPackage(MAVEN_PACKAGES).evaluate(mojos)
                .hasViolation()).isTrue();
    }
}
