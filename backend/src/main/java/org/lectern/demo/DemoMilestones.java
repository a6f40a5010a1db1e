package org.lectern.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.lectern.assignment.Assignment;
import org.lectern.assignment.AssignmentDraft;
import org.lectern.assignment.AssignmentService;
import org.lectern.written.WrittenDrafts;
import org.lectern.written.WrittenService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * CSE 493G1's project milestones in the demo course: proposal, milestone, final report and poster, each a team item
 * handed in as a PDF (or a notebook) and graded with a rubric per written question. The seed's late-day rules: the
 * proposal and milestone take late days like any assignment (at most 2 each); the final report takes none (late work
 * loses 25% a day); the poster (assumed, the seed says nothing) takes none and is not accepted late, as it is printed
 * for the session. Points per item are the sums of their questions, so the written total is the item's score.
 */
@Component
@ConditionalOnBooleanProperty("lectern.demo.enabled")
class DemoMilestones {

    private final AssignmentService assignments;
    private final WrittenService written;

    DemoMilestones(AssignmentService assignments, WrittenService written) {
        this.assignments = assignments;
        this.written = written;
    }

    /** A question of a milestone with its rubric items. */
    private record Question(String title, String points, List<Item> rubric) {
    }

    private record Item(String points, String text) {
    }

    private static Item r(String points, String text) {
        return new Item(points, text);
    }

    private record Milestone(String shortName, String title, String release, String due, AssignmentDraft.LateDays late,
                             List<Question> questions) {
    }

    /** Creates the four milestones; {@code at} turns a seed wall-clock time into the demo term's instant. */
    void create(long courseId, Function<String, Instant> at) {
        AssignmentDraft.LateDays usual = null;
        AssignmentDraft.LateDays noLateDays = new AssignmentDraft.LateDays(false, "yes", null, null, null);
        AssignmentDraft.LateDays notLate = new AssignmentDraft.LateDays(false, "no", null, null, null);
        List<Milestone> milestones = List.of(
                new Milestone("project-proposal", "Project proposal", "2024-01-11T11:20", "2024-01-26T23:59", usual, List.of(
                        new Question("Problem and motivation", "4", List.of(r("4", "Clear, specific and worth doing"),
                                r("2", "Stated but vague"))),
                        new Question("Data and method", "4", List.of(r("4", "Dataset named and available; method fits it"),
                                r("2", "Dataset or method unclear"))),
                        new Question("Evaluation plan", "2", List.of(r("2", "Metric and baseline named"))))),
                new Milestone("project-milestone", "Project milestone", "2024-01-26T23:59", "2024-02-16T23:59", usual, List.of(
                        new Question("Progress against the proposal", "8", List.of(r("8", "On track, changes explained"),
                                r("4", "Partly done"))),
                        new Question("Baseline results", "8", List.of(r("8", "A baseline trained and evaluated"),
                                r("4", "Baseline runs, no evaluation yet"))),
                        new Question("Plan for the rest of the quarter", "4", List.of(r("4", "Concrete next steps"))))),
                new Milestone("project-final-report", "Project final report", "2024-02-16T23:59", "2024-03-15T23:59", noLateDays, List.of(
                        new Question("Method", "15", List.of(r("15", "Clear and reproducible"), r("8", "Parts missing"))),
                        new Question("Experiments", "20", List.of(r("20", "Baselines, ablations, honest comparison"),
                                r("10", "Results without comparison"))),
                        new Question("Analysis", "10", List.of(r("10", "Failure cases and what they teach"))),
                        new Question("Writing", "5", List.of(r("5", "Well organised, figures readable"))))),
                new Milestone("project-poster", "Project poster", "2024-02-16T23:59", "2024-03-11T23:59", notLate, List.of(
                        new Question("Content", "10", List.of(r("10", "Problem, method and results at a glance"))),
                        new Question("Clarity", "5", List.of(r("5", "Readable from two metres"))),
                        new Question("Presentation and questions", "5", List.of(r("5", "Answers questions clearly"))))));
        for (Milestone m : milestones) {
            BigDecimal points = m.questions().stream().map(q -> new BigDecimal(q.points())).reduce(BigDecimal.ZERO, BigDecimal::add);
            Assignment a = assignments.create(courseId, new AssignmentDraft(m.shortName(), m.title(), null, at.apply(m.release()),
                    at.apply(m.due()), points, true, ".pdf,.ipynb", 20L * 1024 * 1024, null, null, null, null, null, "Project", m.late()));
            for (Question q : m.questions()) {
                var question = written.addQuestion(a.id(), new WrittenDrafts.Question(null, q.title(), new BigDecimal(q.points()), null));
                for (Item item : q.rubric()) {
                    written.addItem(question.id(), new WrittenDrafts.Item(new BigDecimal(item.points()), item.text()));
                }
            }
        }
    }
}
