package org.lectern.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The UI's boundaries, by pattern so that every view package, present or added later, falls under them: view packages
 * never form a cycle (a shared piece such as the course header links to views by route, never by class), and views
 * reach the features only through their services and records, never their internals, repositories or the grading
 * pool's caller-less readers.
 */
class UiArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.lectern.ui");
    }

    @Test
    void thereAreViewsToCheck() {
        assertThat(classes.stream().map(c -> c.getPackageName()).distinct().count()).isGreaterThan(10);
    }

    @Test
    void viewPackagesFormNoCycle() {
        slices().matching("org.lectern.ui.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void viewsUseServicesNotPersistence() {
        noClasses().that().resideInAPackage("org.lectern.ui..")
                .should().dependOnClassesThat().resideInAPackage("org.lectern..internal..")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Materials")
                .because("a view calls one feature's service, which checks the caller's role")
                .check(classes);
    }
}
