package org.lectern;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Service;

/**
 * Feature boundaries: each feature package (org.lectern.course, .schedule, ...) keeps its
 * persistence in an {@code internal} subpackage that no other feature may touch; features talk
 * through each other's public services and records, and never in a cycle.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.lectern");
    }

    static Set<String> features() {
        Set<String> features = new TreeSet<>();
        classes.forEach(c -> {
            String rest = c.getPackageName().replaceFirst("^org\\.lectern\\.?", "");
            if (!rest.isEmpty()) {
                features.add(rest.split("\\.")[0]);
            }
        });
        return features;
    }

    @Test
    void thereAreFeaturesToCheck() {
        assertThat(features()).contains("course", "identity", "schedule", "platform");
    }

    @Test
    void noFeatureReachesIntoAnotherFeaturesInternals() {
        for (String feature : features()) {
            noClasses().that().resideOutsideOfPackage("org.lectern." + feature + "..")
                    .should().dependOnClassesThat().resideInAPackage("org.lectern." + feature + ".internal..")
                    .because("a feature's internal package is private to " + feature)
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void featuresDoNotDependOnEachOtherInCycles() {
        slices().matching("org.lectern.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyRepositoriesTalkSql() {
        noClasses().that().resideOutsideOfPackages("..internal..", "org.lectern.platform..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.jdbc.core.simple.JdbcClient")
                .because("SQL belongs in a feature's internal repositories")
                .check(classes);
    }

    @Test
    void onlyTheGradingPoolReadsCourseworkWithoutACaller() {
        // WrittenReminders is the pool's written-reminders job (no caller): it reads each student's counted version.
        noClasses().that().resideOutsideOfPackages("org.lectern.autograde..", "org.lectern.assignment..", "org.lectern.submission..",
                        "org.lectern.plagiarism..")
                .and().doNotHaveFullyQualifiedName("org.lectern.written.WrittenReminders")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Materials")
                .because("GradingMaterials and SubmissionMaterials skip the caller's role check: only workers may use them")
                .check(classes);
        // The plagiarism job runs on the pool without a caller and reads every counted submission and the starter
        // files; its people-facing service must not, so only the worker's package-private classes may.
        noClasses().that().resideInAPackage("org.lectern.plagiarism..")
                .and().doNotHaveSimpleName("PlagiarismWorker")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Materials")
                .because("only the plagiarism job reads coursework without a caller; PlagiarismService checks roles")
                .check(classes);
        noClasses().that().resideInAPackage("org.lectern.assignment..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.lectern.submission.SubmissionMaterials").check(classes);
        noClasses().that().resideOutsideOfPackage("org.lectern.gradebook..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.lectern.gradebook.internal.GradebookRepository")
                .because("scores reach the gradebook one way: a ScoreReported event").check(classes);
    }

    @Test
    void aServiceWithCallersReadsCourseworkOnlyThroughRoleCheckedServices() {
        // A service people call (a page, a REST call) reads assignments and submissions through AssignmentService and
        // SubmissionService, which check the caller's role; the caller-less readers belong to what runs for the system
        // (pool jobs, and the listeners that queue them: GradingTriggers, ModelUploadCheck).
        noClasses().that().areAnnotatedWith(Service.class).or().haveSimpleNameEndingWith("Service")
                .or().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Materials")
                .because("a service with callers must not skip their role check through GradingMaterials or SubmissionMaterials")
                .check(classes);
    }

    @Test
    void thePlatformKnowsNoFeature() {
        // By pattern, not by list: a feature added later falls under the rule by existing.
        noClasses().that().resideInAPackage("org.lectern.platform..")
                .should().dependOnClassesThat(resideInAPackage("org.lectern..").and(not(resideInAPackage("org.lectern.platform.."))))
                .because("the platform is the shared kernel every feature builds on")
                .check(classes);
    }

    @Test
    void everyFeatureStaysOutOfTheWebLayerOfOthers() {
        // A feature calls another's services and records; another feature's REST controllers are not an interface.
        noClasses().that().haveNameNotMatching(".*Controller(\\$.*)?")
                .should().dependOnClassesThat(resideInAPackage("org.lectern..").and(nameMatching(".*Controller")))
                .because("controllers are the edge: nothing inside calls them (Spring's @RestController is no controller of ours)")
                .check(classes);
    }
}
