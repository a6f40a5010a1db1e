package org.lectern.poster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lectern.People.as;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.identity.Account;
import org.lectern.platform.ConflictException;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.project.Team;
import org.lectern.project.TeamFormationService;
import org.lectern.written.RubricItem;
import org.lectern.written.WrittenDrafts;
import org.lectern.written.WrittenQuestion;
import org.lectern.written.WrittenService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@BackendTest
class PosterSessionIT {

    @Autowired Coursework coursework;
    @Autowired TeamFormationService formation;
    @Autowired WrittenService written;
    @Autowired PosterService posters;
    @Autowired JdbcClient jdbc;

    record Fixture(Coursework.Setup s, Team blue, Team red, WrittenQuestion content, WrittenQuestion delivery) {
        long item(WrittenQuestion q, int position) {
            return q.rubric().get(position).id();
        }
    }

    /** A poster item with two rubric questions (6 points added up, 4 points taken away); teams Blue (student) and Red. */
    Fixture fixture() {
        var s = coursework.setup(false);
        long a = s.assignment().id();
        WrittenQuestion[] qs = as(s.instructor(), () -> {
            long c = written.addQuestion(a, new WrittenDrafts.Question(null, "Content", new BigDecimal("6"), "positive")).id();
            written.addItem(c, new WrittenDrafts.Item(new BigDecimal("3"), "A clear question"));
            written.addItem(c, new WrittenDrafts.Item(new BigDecimal("3"), "Results that answer it"));
            long d = written.addQuestion(a, new WrittenDrafts.Question(null, "Delivery", new BigDecimal("4"), "negative")).id();
            written.addItem(d, new WrittenDrafts.Item(new BigDecimal("-2"), "Over time"));
            List<WrittenQuestion> all = written.questions(a);
            return new WrittenQuestion[] {all.get(0), all.get(1)};
        });
        Team blue = as(s.student(), () -> formation.start(s.courseId(), "Blue"));
        Team red = as(s.otherStudent(), () -> formation.start(s.courseId(), "Red"));
        return new Fixture(s, blue, red, qs[0], qs[1]);
    }

    PosterSession session(Fixture f, boolean peers, Integer weight) {
        return as(f.s().instructor(), () -> posters.create(f.s().courseId(), new PosterDraft(f.s().assignment().id(), "Poster session",
                "poster", Instant.parse("2027-03-12T17:00:00Z"), 15, peers, weight)));
    }

    private BigDecimal entry(Fixture f, Account who) {
        return jdbc.sql("select score from grade_entry where course_id = ? and account_id = ? and item_key = 'poster'")
                .params(f.s().courseId(), who.id()).query(BigDecimal.class).optional().orElse(null);
    }

    @Test
    void staffScorePostersInSlotsWithTheRubricAndTheMeanReachesEachMembersGradebook() {
        Fixture f = fixture();
        var s = f.s();
        long id = session(f, false, null).id();
        as(s.ta(), () -> posters.addSlot(id, f.blue().id(), "A1"));
        var placed = as(s.ta(), () -> posters.addSlot(id, f.red().id(), "A2"));
        assertThat(placed.slots()).extracting(PosterSession.Slot::teamName).containsExactly("Blue", "Red");
        assertThat(placed.slots().get(1).startsAt()).isEqualTo(Instant.parse("2027-03-12T17:15:00Z"));
        assertThatThrownBy(() -> as(s.ta(), () -> posters.addSlot(id, f.blue().id(), "A3")))
                .isInstanceOf(ConflictException.class).hasMessage("Blue already has a slot in this session.");

        // the TA: both content items, over time -> 6 + 2 = 8; the instructor: one content item -> 3 + 4 = 7
        var ta = as(s.ta(), () -> posters.score(id, f.blue().id(),
                Map.of(f.content().id(), List.of(f.item(f.content(), 0), f.item(f.content(), 1)), f.delivery().id(), List.of(f.item(f.delivery(), 0))),
                "Strong results"));
        assertThat(ta.total()).isEqualByComparingTo("8");
        assertThat(entry(f, s.student())).isEqualByComparingTo("8");
        as(s.instructor(), () -> posters.score(id, f.blue().id(), Map.of(f.content().id(), List.of(f.item(f.content(), 0))), ""));
        assertThat(entry(f, s.student())).isEqualByComparingTo("7.5");

        // a scorer changes their sheet: the score follows
        as(s.ta(), () -> posters.score(id, f.blue().id(), Map.of(f.content().id(), List.of(f.item(f.content(), 0))), "Re-read"));
        assertThat(entry(f, s.student())).isEqualByComparingTo("7");
        assertThat(as(s.ta(), () -> posters.sheet(id, f.blue().id())).comment()).isEqualTo("Re-read");

        // staff see scores and scorers; students see the slots only
        var staffView = as(s.ta(), () -> posters.session(id));
        assertThat(staffView.slots().getFirst().score()).isEqualByComparingTo("7");
        assertThat(staffView.slots().getFirst().scorers()).isEqualTo(2);
        var studentView = as(s.student(), () -> posters.session(id));
        assertThat(studentView.slots()).allSatisfy(slot -> assertThat(slot.score()).isNull());
        assertThat(studentView.slots().getFirst().mine()).isTrue();
        assertThat(entry(f, s.otherStudent())).isNull(); // Red has not been scored
    }

    @Test
    void peersScoreOtherTeamsOnlyWhenAllowedWithTheirWeightAndNeverGradeAlone() {
        Fixture f = fixture();
        var s = f.s();
        long closed = session(f, false, null).id();
        as(s.ta(), () -> posters.addSlot(closed, f.red().id(), ""));
        assertThatThrownBy(() -> as(s.student(), () -> posters.sheet(closed, f.red().id())))
                .isInstanceOf(ForbiddenException.class).hasMessage("Only staff score posters in this session.");

        long open = session(f, true, 25).id();
        as(s.ta(), () -> posters.addSlot(open, f.red().id(), ""));
        as(s.ta(), () -> posters.addSlot(open, f.blue().id(), ""));
        assertThatThrownBy(() -> as(s.student(), () -> posters.score(open, f.blue().id(), Map.of(), "")))
                .isInstanceOf(ForbiddenException.class).hasMessage("Nobody scores their own team's poster.");

        // the peer's sheet carries the rubric; a peer alone gives no grade
        var sheet = as(s.student(), () -> posters.sheet(open, f.red().id()));
        assertThat(sheet.questions()).extracting(WrittenQuestion::rubric).allSatisfy(r -> assertThat(r).isNotEmpty());
        as(s.student(), () -> posters.score(open, f.red().id(), Map.of(), "")); // 0 + 4 = 4
        assertThat(entry(f, s.otherStudent())).isNull();
        // staff 10, peer 4, weight 25 % -> 8.5
        as(s.ta(), () -> posters.score(open, f.red().id(),
                Map.of(f.content().id(), f.content().rubric().stream().map(RubricItem::id).toList()), ""));
        assertThat(entry(f, s.otherStudent())).isEqualByComparingTo("8.5");
    }

    @Test
    void hostileOrWrongInputIsRefusedWithAMessageAndOutsidersSeeNothing() {
        Fixture f = fixture();
        var s = f.s();
        long id = session(f, false, null).id();
        as(s.ta(), () -> posters.addSlot(id, f.blue().id(), ""));
        // an item of another question, a question of no rubric: refused, nothing stored
        assertThatThrownBy(() -> as(s.ta(), () -> posters.score(id, f.blue().id(), Map.of(f.content().id(), List.of(f.item(f.delivery(), 0))), "")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is not on question 1's rubric");
        assertThatThrownBy(() -> as(s.ta(), () -> posters.score(id, f.blue().id(), Map.of(999_999L, List.of()), "")))
                .isInstanceOf(InvalidInputException.class).hasMessage("Question 999999 is not on this poster's rubric.");
        assertThat(as(s.ta(), () -> posters.sheet(id, f.blue().id())).saved()).isFalse();
        assertThatThrownBy(() -> as(s.ta(), () -> posters.score(id, f.blue().id(), Map.of(), "x".repeat(4001))))
                .isInstanceOf(InvalidInputException.class);
        // students do not make sessions; another course's people do not learn the session exists
        assertThatThrownBy(() -> as(s.student(), () -> posters.create(s.courseId(), new PosterDraft(s.assignment().id(), "Mine", "poster",
                Instant.now(), 15, true, 50)))).isInstanceOf(ForbiddenException.class);
        var other = coursework.setup(false);
        assertThatThrownBy(() -> as(other.student(), () -> posters.session(id)))
                .isInstanceOf(NotFoundException.class).hasMessage("No poster session " + id + ".");
        assertThatThrownBy(() -> as(other.instructor(), () -> posters.score(id, f.blue().id(), Map.of(), "")))
                .isInstanceOf(NotFoundException.class);
        // another course's assignment cannot be the poster item
        assertThatThrownBy(() -> as(s.instructor(), () -> posters.create(s.courseId(), new PosterDraft(other.assignment().id(), "X", "poster",
                Instant.now(), 15, false, null)))).isInstanceOf(InvalidInputException.class);
    }
}
