package org.lectern.written;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lectern.People.as;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.assignment.AssignmentService;
import org.lectern.gradebook.GradebookService;
import org.lectern.gradebook.GradingPolicyService;
import org.lectern.gradebook.PolicyDocument;
import org.lectern.gradebook.ScoreReported;
import org.lectern.platform.ConflictException;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.platform.audit.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Written questions and rubrics on the real database: one item many grades, audit, the gradebook, who sees what. */
@BackendTest
@RecordApplicationEvents
class WrittenServiceIT {

    @Autowired Coursework coursework;
    @Autowired WrittenService written;
    @Autowired AssignmentService assignments;
    @Autowired GradebookService gradebook;
    @Autowired GradingPolicyService policies;
    @Autowired AuditLog audit;
    @Autowired ApplicationEvents events;

    record Graded(Coursework.Setup s, WrittenQuestion q1, WrittenQuestion q2, RubricItem correct, RubricItem partial, RubricItem sign) {
    }

    /** A1 (10 points) with a positively graded 6-point question and a negatively graded 4-point one. */
    Graded rubricCourse() {
        var s = coursework.setup(false);
        long a = s.assignment().id();
        var doc = as(s.instructor(), () -> policies.policy(s.courseId()));
        as(s.instructor(), () -> policies.setPolicy(s.courseId(), new PolicyDocument(doc.lateDays(), List.of(new PolicyDocument.CategoryJson(
                "Assignments", BigDecimal.valueOf(100), 0, false, null, List.of(new PolicyDocument.ItemJson("A1", BigDecimal.TEN, null, null, null)))),
                doc.letters())));
        var q1 = as(s.instructor(), () -> written.addQuestion(a, new WrittenDrafts.Question(null, "Derive the softmax gradient", new BigDecimal("6"), null)));
        var q2 = as(s.instructor(), () -> written.addQuestion(a, new WrittenDrafts.Question(null, "Why does ReLU help?", new BigDecimal("4"), "negative")));
        var correct = as(s.ta(), () -> written.addItem(q1.id(), new WrittenDrafts.Item(new BigDecimal("6"), "Correct")));
        var partial = as(s.ta(), () -> written.addItem(q1.id(), new WrittenDrafts.Item(new BigDecimal("3"), "Chain rule but wrong Jacobian")));
        var sign = as(s.ta(), () -> written.addItem(q2.id(), new WrittenDrafts.Item(new BigDecimal("-1"), "Sign error")));
        return new Graded(s, q1, q2, correct, partial, sign);
    }

    static BigDecimal reported(ApplicationEvents events, long account) {
        return events.stream(ScoreReported.class).filter(e -> e.accountId() == account).reduce((x, y) -> y).orElseThrow().score();
    }

    @Test
    void changingOneRubricItemChangesEveryGradeThatUsesIt() {
        var g = rubricCourse();
        var s = g.s();
        as(s.ta(), () -> written.saveGrade(g.q1().id(), s.student().id(), new WrittenDrafts.Grade(List.of(g.partial().id()), null, "See 2.3")));
        as(s.ta(), () -> written.saveGrade(g.q1().id(), s.otherStudent().id(), new WrittenDrafts.Grade(List.of(g.partial().id()),
                new BigDecimal("0.5"), "")));
        var q2 = as(s.ta(), () -> written.saveGrade(g.q2().id(), s.student().id(), new WrittenDrafts.Grade(List.of(g.sign().id()), null, "")));
        assertThat(q2.score()).isEqualByComparingTo("3"); // negative grading: 4 - 1
        assertThat(reported(events, s.student().id())).isEqualByComparingTo("6");      // 3 + 3
        assertThat(reported(events, s.otherStudent().id())).isEqualByComparingTo("3.5");
        assertThat(events.stream(ScoreReported.class)).allMatch(e -> e.itemKey().equals("A1/written") && e.courseId() == s.courseId());

        int updated = as(s.ta(), () -> written.changeItem(g.partial().id(), new WrittenDrafts.Item(new BigDecimal("4"), "Chain rule, Jacobian transposed")));
        assertThat(updated).isEqualTo(2);
        assertThat(as(s.ta(), () -> written.grade(g.q1().id(), s.student().id())).score()).isEqualByComparingTo("4");
        assertThat(as(s.ta(), () -> written.grade(g.q1().id(), s.otherStudent().id())).score()).isEqualByComparingTo("4.5");
        assertThat(reported(events, s.student().id())).isEqualByComparingTo("7");
        assertThat(reported(events, s.otherStudent().id())).isEqualByComparingTo("4.5");
        assertThat(audit.forCourse(s.courseId())).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("rubric.item.changed");
            assertThat(e.actorId()).isEqualTo(s.ta().id());
            assertThat(e.detail()).contains("3.00 -> 4", "text changed", "2 grades updated");
        });

        // The gradebook counts the written part in A1 (no autograder here: written out of A1's 10 points).
        var book = as(s.ta(), () -> gradebook.gradebook(s.courseId()));
        var cell = book.students().stream().filter(r -> r.accountId() == s.student().id()).findFirst().orElseThrow().items().get("A1");
        assertThat(cell.score()).isEqualByComparingTo("7");
    }

    @Test
    void studentsSeeTheirOwnResultsOnlyOnceReleasedAndNeverTheRubricBefore() {
        var g = rubricCourse();
        var s = g.s();
        long a = s.assignment().id();
        as(s.ta(), () -> written.saveGrade(g.q1().id(), s.student().id(), new WrittenDrafts.Grade(List.of(g.correct().id()), null, "Nice")));

        // Questions without the rubric; no results before release, nobody else's ever.
        assertThat(as(s.student(), () -> written.questions(a))).extracting(WrittenQuestion::rubric).allMatch(List::isEmpty);
        assertThat(as(s.ta(), () -> written.questions(a)).getFirst().rubric()).hasSize(2);
        assertThatThrownBy(() -> as(s.student(), () -> written.results(a, null))).isInstanceOf(ConflictException.class);
        // Not released: a student of the course sees no cell of A1 in the gradebook either.
        var mine = as(s.student(), () -> gradebook.gradebook(s.courseId())).students().getFirst().items().get("A1");
        assertThat(mine == null ? null : mine.score()).isNull();

        as(s.instructor(), () -> assignments.releaseGrades(a, true));
        var results = as(s.student(), () -> written.results(a, null));
        assertThat(results.getFirst().score()).isEqualByComparingTo("6");
        assertThat(results.getFirst().applied()).extracting(RubricItem::text).containsExactly("Correct");
        assertThat(results.getFirst().comment()).isEqualTo("Nice");
        assertThat(results.get(1).score()).isNull(); // not graded yet
        assertThatThrownBy(() -> as(s.otherStudent(), () -> written.results(a, s.student().id()))).isInstanceOf(ForbiddenException.class);
        assertThat(as(s.otherStudent(), () -> written.results(a, null)).getFirst().score()).isNull();
        assertThat(as(s.ta(), () -> written.results(a, s.student().id())).getFirst().score()).isEqualByComparingTo("6");
    }

    @Test
    void onlyStaffGradeAndOutsidersLearnNothing() {
        var g = rubricCourse();
        var s = g.s();
        var outsider = coursework.setup(false).student();
        long a = s.assignment().id();
        var item = new WrittenDrafts.Item(BigDecimal.ONE, "x");
        var grade = new WrittenDrafts.Grade(List.of(g.correct().id()), null, "");

        assertThatThrownBy(() -> as(s.student(), () -> written.addItem(g.q1().id(), item))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(s.student(), () -> written.changeItem(g.correct().id(), item))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(s.student(), () -> written.saveGrade(g.q1().id(), s.student().id(), grade))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(s.student(), () -> written.grade(g.q1().id(), s.otherStudent().id()))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(s.ta(), () -> written.addQuestion(a, new WrittenDrafts.Question(null, "Q", BigDecimal.ONE, null))))
                .isInstanceOf(ForbiddenException.class);
        // An outsider gets the thing's own "not found", whether it exists or not.
        assertThatThrownBy(() -> as(outsider, () -> written.questions(a))).isInstanceOf(NotFoundException.class).hasMessage("No assignment " + a + ".");
        assertThatThrownBy(() -> as(outsider, () -> written.addItem(g.q1().id(), item)))
                .isInstanceOf(NotFoundException.class).hasMessage("No written question " + g.q1().id() + ".");
        assertThatThrownBy(() -> as(outsider, () -> written.changeItem(g.correct().id(), item)))
                .isInstanceOf(NotFoundException.class).hasMessage("No rubric item " + g.correct().id() + ".");
        assertThatThrownBy(() -> as(outsider, () -> written.results(a, null))).isInstanceOf(NotFoundException.class);

        // Staff input is checked too: another question's item, a grade for someone who is no student, wild numbers.
        assertThatThrownBy(() -> as(s.ta(), () -> written.saveGrade(g.q2().id(), s.student().id(), grade)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not items of question 2");
        assertThatThrownBy(() -> as(s.ta(), () -> written.saveGrade(g.q1().id(), s.ta().id(), grade))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(s.ta(), () -> written.saveGrade(g.q1().id(), outsider.id(), grade))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(s.ta(), () -> written.changeItem(g.correct().id(), new WrittenDrafts.Item(new BigDecimal("1e50"), "x"))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> as(s.ta(), () -> written.addItem(g.q1().id(), new WrittenDrafts.Item(BigDecimal.ONE, " "))))
                .isInstanceOf(InvalidInputException.class);
        assertThat(as(s.ta(), () -> written.grade(g.q1().id(), s.student().id())).graded()).isFalse();
    }
}
