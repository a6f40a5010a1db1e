package org.lectern.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lectern.People.as;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.People;
import org.lectern.gradebook.GradebookService;
import org.lectern.platform.ConflictException;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;

/** Exercises on the real database: per-student numbers, attempts limited and recorded, the best score in the gradebook. */
@BackendTest
class ExerciseServiceIT {

    @Autowired Coursework coursework;
    @Autowired People people;
    @Autowired ExerciseService exercises;
    @Autowired GradebookService gradebook;

    static Map<String, String> answers(ExerciseSheet sheet, boolean right) {
        Map<String, String> typed = new HashMap<>();
        for (Part p : sheet.instance().parts()) {
            typed.put(p.id(), right ? AnswerParser.format(p.shape(), p.expected()) : wrong(p));
        }
        return typed;
    }

    /** A well-formed answer that is surely wrong: the expected one shifted by 1000 per cell, or another choice. */
    static String wrong(Part p) {
        if (p.shape() instanceof AnswerShape.Choice c) {
            int right = ((Answer.Choice) p.expected()).index();
            return c.options().get((right + 1) % c.options().size());
        }
        double[][] m = ((Answer.Numeric) p.expected()).values().toMatrix();
        for (double[] row : m) {
            for (int c = 0; c < row.length; c++) {
                row[c] += 1000;
            }
        }
        Answer shifted = switch (p.shape()) {
            case AnswerShape.Matrix x -> Answer.matrix(m);
            case AnswerShape.Vector x -> Answer.vector(m.length == 1 ? m[0] : java.util.Arrays.stream(m).mapToDouble(r -> r[0]).toArray());
            default -> Answer.number(m[0][0]);
        };
        return AnswerParser.format(p.shape(), shifted);
    }

    @Test
    void eachStudentGetsTheirOwnNumbersAndTheBestAttemptCounts() {
        var s = coursework.setup(false);
        Exercise e = as(s.instructor(), () -> exercises.create(s.courseId(),
                new ExerciseDraft("conv2d", "EX1", null, null, 3, BigDecimal.valueOf(4), "Assignments")));
        var mine = as(s.student(), () -> exercises.sheet(e.id()));
        var theirs = as(s.otherStudent(), () -> exercises.sheet(e.id()));
        assertThat(mine.instance().givens()).isNotEqualTo(theirs.instance().givens());
        assertThat(mine.attemptsLeft()).isEqualTo(3);
        // The REST view hides the answer until the student is done.
        assertThat(ExerciseController.SheetJson.of(mine).parts()).allMatch(p -> p.answer() == null && p.explanation() == null);

        // A typo costs no attempt.
        assertThatThrownBy(() -> as(s.student(), () -> exercises.answer(e.id(), Map.of("output", "1, 2, banana"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("did not use an attempt");
        var afterWrong = as(s.student(), () -> exercises.answer(e.id(), answers(mine, false)));
        assertThat(afterWrong.attempts()).hasSize(1);
        assertThat(afterWrong.attempts().getFirst().feedback().score()).isZero();
        assertThat(afterWrong.attemptsLeft()).isEqualTo(2);
        assertThat(afterWrong.hints().values()).anyMatch(h -> !h.isEmpty()); // a wrong attempt earns a hint

        var solved = as(s.student(), () -> exercises.answer(e.id(), answers(mine, true)));
        assertThat(solved.solved()).isTrue();
        assertThat(solved.bestPoints()).isEqualByComparingTo("4");
        assertThat(ExerciseController.SheetJson.of(solved).parts()).allMatch(p -> p.answer() != null);
        assertThatThrownBy(() -> as(s.student(), () -> exercises.answer(e.id(), answers(mine, true))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already solved");

        var g = as(s.student(), () -> gradebook.gradebook(s.courseId()));
        assertThat(g.itemKeys()).contains("EX1");
        assertThat(g.students().getFirst().items().get("EX1").score()).isEqualByComparingTo("4");
        assertThat(g.students().getFirst().items().get("EX1").max()).isEqualByComparingTo("4");
    }

    @Test
    void aSolvedPracticeExerciseWithoutACategoryIsOnTheStudentsGradesWorthNothing() {
        var s = coursework.setup(false);
        Exercise e = as(s.instructor(), () -> exercises.create(s.courseId(), new ExerciseDraft("conv2d", "practice-1", "Practice conv",
                null, 3, null, null)));
        var mine = as(s.student(), () -> exercises.sheet(e.id()));
        as(s.student(), () -> exercises.answer(e.id(), answers(mine, true)));

        var g = as(s.student(), () -> gradebook.gradebook(s.courseId()));
        assertThat(g.itemKeys()).contains("practice-1");
        var row = g.students().getFirst();
        assertThat(row.items().get("practice-1").score()).isEqualByComparingTo("1");
        assertThat(g.policy().scheme().categoryOf("practice-1")).hasValueSatisfying(c -> {
            assertThat(c.name()).isEqualTo(org.lectern.gradebook.PolicyDocument.NOT_COUNTED);
            assertThat(c.worthNothing()).isTrue();
        });
        assertThat(row.totalPercent()).isNull(); // practice moves no grade: nothing else is graded yet
    }

    @Test
    void attemptsRunOutAndOnlyStudentsOfTheCourseAnswer() {
        var s = coursework.setup(false);
        var stranger = people.user("stranger");
        Exercise e = as(s.instructor(), () -> exercises.create(s.courseId(), new ExerciseDraft("softmax-ce", "EX2", "Softmax by hand",
                null, 1, null, null)));
        var sheet = as(s.otherStudent(), () -> exercises.sheet(e.id()));
        as(s.otherStudent(), () -> exercises.answer(e.id(), answers(sheet, false)));
        assertThatThrownBy(() -> as(s.otherStudent(), () -> exercises.answer(e.id(), answers(sheet, true))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("No attempts left");
        assertThat(ExerciseController.SheetJson.of(as(s.otherStudent(), () -> exercises.sheet(e.id()))).parts())
                .allMatch(p -> p.answer() != null); // out of attempts: the worked answer is shown

        assertThatThrownBy(() -> as(s.ta(), () -> exercises.answer(e.id(), answers(sheet, true)))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(stranger, () -> exercises.sheet(e.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(s.student(), () -> exercises.create(s.courseId(),
                new ExerciseDraft("conv2d", "EX3", null, null, null, null, null)))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(s.instructor(), () -> exercises.create(s.courseId(),
                new ExerciseDraft("alchemy", "EX4", null, null, null, null, null))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no exercise generator 'alchemy'");
        assertThatThrownBy(() -> as(s.instructor(), () -> exercises.create(s.courseId(),
                new ExerciseDraft("conv2d", "ex2", null, null, null, null, null)))).isInstanceOf(ConflictException.class);
    }
}
