package org.lectern.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lectern.People.as;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.People;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;
import org.lectern.course.NewMember;
import org.lectern.identity.Account;
import org.lectern.platform.ConflictException;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.project.Team;
import org.lectern.project.TeamFormationService;
import org.springframework.beans.factory.annotation.Autowired;

@BackendTest
class PaperIT {

    @Autowired Coursework coursework;
    @Autowired People people;
    @Autowired CourseService courses;
    @Autowired TeamFormationService formation;
    @Autowired PaperService papers;
    @Autowired PaperReviewService reviews;

    private PaperDraft draft(String name, Instant lecture) {
        return new PaperDraft(name, "Attention Is All You Need", "Vaswani et al.", "https://arxiv.org/abs/1706.03762", lecture,
                BigDecimal.TEN);
    }

    @Test
    void aGroupClaimsAPaperCastsItsRolesRunsTheTimerAndIsGradedPerRole() {
        var s = coursework.setup(false);
        Team team = as(s.student(), () -> formation.start(s.courseId(), "Transformers"));
        var inv = as(s.student(), () -> formation.invite(team.id(), s.otherStudent().email()));
        as(s.otherStudent(), () -> formation.accept(inv.id()));
        Paper p = as(s.ta(), () -> papers.create(s.courseId(), draft("P1", Instant.now().plus(7, ChronoUnit.DAYS))));
        Paper other = as(s.ta(), () -> papers.create(s.courseId(), draft("P2", Instant.now().plus(14, ChronoUnit.DAYS))));

        assertThat(as(s.student(), () -> papers.claim(p.id())).teamName()).isEqualTo("Transformers");
        assertThatThrownBy(() -> as(s.otherStudent(), () -> papers.claim(other.id())))
                .isInstanceOf(ConflictException.class).hasMessage("Your team already presents a paper.");
        as(s.student(), () -> papers.cast(p.id(), 0, s.student().id()));
        as(s.otherStudent(), () -> papers.cast(p.id(), 1, s.otherStudent().id()));
        assertThatThrownBy(() -> as(s.student(), () -> papers.cast(p.id(), 2, s.ta().id())))
                .isInstanceOf(InvalidInputException.class).hasMessage("Only members of Transformers present this paper.");
        assertThatThrownBy(() -> as(s.student(), () -> papers.cast(p.id(), 9, s.student().id())))
                .isInstanceOf(InvalidInputException.class).hasMessage("No role 9.");

        // the presenter's timer: the group and staff run it, everyone in the course sees it
        var t = as(s.student(), () -> papers.startRole(p.id(), null));
        assertThat(t.role()).isEqualTo("Overview");
        assertThat(t.leftMillis()).isBetween(13 * 60_000L, 14 * 60_000L);
        assertThat(as(s.ta(), () -> papers.pause(p.id())).running()).isFalse();
        assertThat(as(s.student(), () -> papers.next(p.id())).orElseThrow().role()).isEqualTo("Strengths");
        Account carol = people.user("carol");
        as(s.instructor(), () -> courses.addMember(s.courseId(), new NewMember("carol", carol.email(), CourseRole.STUDENT, null)));
        assertThat(as(carol, () -> papers.timer(p.id())).orElseThrow().role()).isEqualTo("Strengths");
        assertThatThrownBy(() -> as(carol, () -> papers.pause(p.id()))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(carol, () -> papers.cast(p.id(), 0, carol.id()))).isInstanceOf(ForbiddenException.class);

        // grades per role: staff give them; a student sees only their own; the gradebook gets the sum of their roles
        as(s.ta(), () -> papers.gradeRole(p.id(), 0, new BigDecimal("8.5"), "Clear overview"));
        as(s.ta(), () -> papers.gradeRole(p.id(), 1, new BigDecimal("7"), "Missed the cost"));
        assertThat(as(s.student(), () -> papers.grades(p.id()))).extracting(RoleGrade::role, RoleGrade::score)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Overview", new BigDecimal("8.50")));
        assertThat(as(s.ta(), () -> papers.grades(p.id()))).hasSize(2);
        assertThatThrownBy(() -> as(s.student(), () -> papers.gradeRole(p.id(), 0, BigDecimal.TEN, ""))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(s.ta(), () -> papers.gradeRole(p.id(), 0, new BigDecimal("1e400"), "")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(entry(s, s.student(), "presentation")).isEqualByComparingTo("8.5");

        // outsiders learn nothing, whether the paper exists or not
        Account stranger = people.user("stranger");
        assertThatThrownBy(() -> as(stranger, () -> papers.paper(p.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(stranger, () -> papers.timer(p.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(stranger, () -> papers.paper(-1))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(stranger, () -> papers.papers(s.courseId()))).isInstanceOf(NotFoundException.class);
    }

    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** The gradebook's stored entry for the item (what ScoreReported wrote). */
    private BigDecimal entry(Coursework.Setup s, Account student, String item) {
        return jdbc.sql("select score from grade_entry where course_id = ? and account_id = ? and item_key = ?")
                .params(s.courseId(), student.id(), item).query(BigDecimal.class).single();
    }

    @Test
    void reviewsAreDueAtTheLectureGradedAndTheirQuestionsGoToThePresentingGroup() {
        var s = coursework.setup(false);
        Paper soon = as(s.ta(), () -> papers.create(s.courseId(), draft("R1", Instant.now().plus(2, ChronoUnit.DAYS))));
        Paper past = as(s.ta(), () -> papers.create(s.courseId(), draft("R0", Instant.now().minus(3, ChronoUnit.DAYS))));
        Paper ancient = as(s.ta(), () -> papers.create(s.courseId(), draft("Rold", Instant.now().minus(40, ChronoUnit.DAYS))));

        Review mine = as(s.student(), () -> reviews.submit(soon.id(), new ReviewDraft("It replaces recurrence.", "Parallel", "Quadratic",
                "Sparse attention", "Why sinusoids?")));
        assertThat(mine.daysLate()).isZero();
        as(s.otherStudent(), () -> reviews.submit(soon.id(), new ReviewDraft("Summary", "", "", "", "Does it scale?")));
        assertThat(as(s.student(), () -> reviews.submit(past.id(), new ReviewDraft("Late", "", "", "", ""))).daysLate()).isBetween(2, 4); // the default policy counts a weekend as one day
        assertThatThrownBy(() -> as(s.student(), () -> reviews.submit(ancient.id(), new ReviewDraft("Too late", "", "", "", ""))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("days late; the course takes reviews up to");
        assertThatThrownBy(() -> as(s.student(), () -> reviews.submit(soon.id(), new ReviewDraft(" ", "", "", "", ""))))
                .isInstanceOf(InvalidInputException.class).hasMessage("A review needs at least its summary.");
        assertThatThrownBy(() -> as(s.ta(), () -> reviews.submit(soon.id(), new ReviewDraft("x", "", "", "", ""))))
                .isInstanceOf(InvalidInputException.class);

        // staff read and grade; the grade reaches the gradebook under the paper's short name, and freezes the review
        assertThat(as(s.ta(), () -> reviews.reviews(soon.id()))).hasSize(2);
        assertThatThrownBy(() -> as(s.student(), () -> reviews.reviews(soon.id()))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(s.ta(), () -> reviews.grade(soon.id(), s.student().id(), new BigDecimal("11"), "")))
                .isInstanceOf(InvalidInputException.class).hasMessage("This paper's reviews are out of 10.");
        as(s.ta(), () -> reviews.grade(soon.id(), s.student().id(), new BigDecimal("9"), "Good questions"));
        assertThat(entry(s, s.student(), "R1")).isEqualByComparingTo("9");
        assertThatThrownBy(() -> as(s.student(), () -> reviews.submit(soon.id(), new ReviewDraft("Changed", "", "", "", ""))))
                .isInstanceOf(ConflictException.class).hasMessage("Your review is graded; it can no longer change.");
        assertThat(as(s.otherStudent(), () -> reviews.mine(soon.id())).orElseThrow().score()).isNull();

        // the questions: the presenting group and staff, no names; not other classmates
        assertThatThrownBy(() -> as(s.student(), () -> reviews.questions(soon.id()))).isInstanceOf(ForbiddenException.class);
        Team team = as(s.student(), () -> formation.start(s.courseId(), "Leaders"));
        as(s.ta(), () -> papers.assign(soon.id(), team.id()));
        assertThat(as(s.student(), () -> reviews.questions(soon.id()))).containsExactly("Does it scale?", "Why sinusoids?");
        assertThatThrownBy(() -> as(s.otherStudent(), () -> reviews.questions(soon.id()))).isInstanceOf(ForbiddenException.class);
        Account stranger = people.user("stranger");
        assertThatThrownBy(() -> as(stranger, () -> reviews.mine(soon.id()))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void staffShapeTheListAndItsRoles() {
        var s = coursework.setup(false);
        assertThatThrownBy(() -> as(s.ta(), () -> papers.create(s.courseId(), new PaperDraft("P1", "Title", "", "javascript:alert(1)",
                Instant.now(), null)))).isInstanceOf(InvalidInputException.class)
                .hasMessage("A paper's link is an http(s) address of at most 500 characters.");
        assertThatThrownBy(() -> as(s.student(), () -> papers.create(s.courseId(), draft("P1", Instant.now()))))
                .isInstanceOf(ForbiddenException.class);
        as(s.ta(), () -> papers.create(s.courseId(), draft("P1", Instant.now())));
        assertThatThrownBy(() -> as(s.ta(), () -> papers.create(s.courseId(), draft("P1", Instant.now()))))
                .isInstanceOf(ConflictException.class);
        assertThat(as(s.student(), () -> papers.roles(s.courseId()))).hasSize(4);
        assertThatThrownBy(() -> as(s.ta(), () -> papers.setRoles(s.courseId(), List.of(new PaperRole(0, "Talk", 20)))))
                .isInstanceOf(ForbiddenException.class);
        assertThat(as(s.instructor(), () -> papers.setRoles(s.courseId(), List.of(new PaperRole(0, "Talk", 20), new PaperRole(1, "Q&A", 5)))))
                .extracting(PaperRole::name).containsExactly("Talk", "Q&A");
        assertThat(as(s.student(), () -> papers.roles(s.courseId()))).hasSize(2);
        assertThatThrownBy(() -> as(s.instructor(), () -> papers.setRoles(s.courseId(), List.of())))
                .isInstanceOf(InvalidInputException.class).hasMessage("A presentation has 1 to 20 roles.");
    }
}
