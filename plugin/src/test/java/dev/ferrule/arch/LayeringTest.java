package dev.ferrule.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Mojos stay thin: the core must be usable, and testable, without Maven. */
@AnalyzeClasses(packages = "dev.ferrule", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule coreNeverImportsMaven = noClasses()
            .that().resideOutsideOfPackage("dev.ferrule.maven..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.maven..", "org.codehaus.plexus.component..")
            .because("the core (cargo, abi, diff, gen, report, audit) must not depend on Maven");

    @ArchTest
    static final ArchRule coreNeverReachesIntoMojos = noClasses()
            .that().resideOutsideOfPackage("dev.ferrule.maven..")
            .should().dependOnClassesThat().resideInAPackage("dev.ferrule.maven..")
            .because("Mojos translate Maven to the core, never the other way round");
}
