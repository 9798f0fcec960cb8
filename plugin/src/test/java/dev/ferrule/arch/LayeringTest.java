package dev.ferrule.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
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

    /**
     * The ABI model's classes; a generator may see {@code CType}, which the binding model carries
     * as the C form of each native parameter, and nothing else of the ABI package.
     */
    private static final DescribedPredicate<JavaClass> ABI_MODEL = JavaClass.Predicates.resideInAPackage(
            "dev.ferrule.abi..").and(DescribedPredicate.not(JavaClass.Predicates.simpleNameStartingWith("CType")))
            .as("the ABI model (dev.ferrule.abi, CType aside)");

    private static ArchRule readsOnlyTheBindingModel(com.tngtech.archunit.lang.syntax.elements.ClassesShould should) {
        return should.dependOnClassesThat(ABI_MODEL)
                .because("every generator reads the binding model only; Bindings builds it once from the ABI model");
    }

    @ArchTest
    static final ArchRule generatorsReadOnlyTheBindingModel = readsOnlyTheBindingModel(noClasses()
            .that().resideInAPackage("dev.ferrule.gen..").and().doNotHaveSimpleName("Bindings").should());

    /** Guards the guard: the rule must flag Bindings, which does read the ABI model. */
    @Test
    void bindingModelCheckDetectsAGeneratorReadingTheAbiModel() {
        JavaClasses bindings = new ClassFileImporter().importClasses(dev.ferrule.gen.Bindings.class);

        assertThat(readsOnlyTheBindingModel(noClasses().should()).evaluate(bindings).hasViolation()).isTrue();
    }

    /** Guards the guard: the same check must flag the Mojo package, which does import Maven. */
    @Test
    void mavenCheckDetectsAMavenImport() {
        JavaClasses mojos = new ClassFileImporter().importPackages("dev.ferrule.maven");

        assertThat(noClasses().should().dependOnClassesThat().resideInAnyPackage(MAVEN_PACKAGES).evaluate(mojos)
                .hasViolation()).isTrue();
    }
}
