package org.lectern.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lectern.People.as;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.People;
import org.lectern.TestClock;
import org.lectern.platform.ConflictException;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.schedule.LectureDraft;
import org.lectern.schedule.ScheduleService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Q&A on the real database: privacy and anonymity in every response, answers, endorsement, moderation, search, unread, mail events. */
@BackendTest
@RecordApplicationEvents
class QaServiceIT {

    static final String CODE_QUESTION = """
            My softmax gives NaN for large logits:
            ```python
            def softmax(x):
                return np.exp(x) / np.exp(x).sum()
            ```
            Is $\\max_j x_j$ subtraction needed?""";
    /** A 1x1 PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    @Autowired Coursework coursework;
    @Autowired People people;
    @Autowired QaService qa;
    @Autowired ScheduleService schedule;
    @Autowired TestClock clock;
    @Autowired ApplicationEvents events;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aPrivateQuestionIsBetweenTheStudentAndStaff() {
        var s = coursework.setup(false);
        as(s.student(), () -> qa.setEmailDelivery(s.courseId(), EmailDelivery.IMMEDIATE));
        Post p = as(s.student(), () -> qa.ask(s.courseId(), new PostDraft("NaN in softmax", CODE_QUESTION, null, null,
                true, false)));
        assertThat(p.privatePost()).isTrue();
        assertThat(p.author()).isEqualTo("student");

        // A classmate: not in the list, not in a search, not by id (as if it did not exist).
        assertThat(as(s.otherStudent(), () -> qa.posts(s.courseId(), PostFilter.all()))).isEmpty();
        assertThat(as(s.otherStudent(), () -> qa.posts(s.courseId(), new PostFilter(PostFilter.Show.ALL, null, null, "softmax")))).isEmpty();
        assertThatThrownBy(() -> as(s.otherStudent(), () -> qa.thread(p.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(s.otherStudent(), () -> qa.answer(p.id(), "guess", false))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(s.otherStudent(), () -> qa.follow(p.id(), true))).isInstanceOf(NotFoundException.class);

        // Staff see it, answer it; the student hears of it (badge and mail event), reads it, and resolves it.
        assertThat(as(s.ta(), () -> qa.posts(s.courseId(), new PostFilter(PostFilter.Show.UNANSWERED, null, null, null))))
                .extracting(Post::id).containsExactly(p.id());
        clock.advance(Duration.ofMinutes(30));
        Reply a = as(s.ta(), () -> qa.answer(p.id(), "Subtract `x.max()` first: $e^{x - m}$ does not overflow.", false));
        assertThat(a.byStaff()).isTrue();
        assertThat(events.stream(QaActivity.class).filter(e -> e.postId() == p.id()))
                .singleElement().satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(QaActivity.Kind.ANSWER);
                    assertThat(e.recipients()).containsExactly(new QaActivity.Recipient(s.student().id(), EmailDelivery.IMMEDIATE));
                });
        assertThat(as(s.student(), () -> qa.unread(s.courseId()))).isEqualTo(1);
        var thread = as(s.student(), () -> qa.thread(p.id()));
        assertThat(thread.answers()).singleElement().extracting(Reply::author).isEqualTo("ta");
        assertThat(as(s.student(), () -> qa.unread(s.courseId()))).isZero();
        assertThatThrownBy(() -> as(s.otherStudent(), () -> qa.resolve(p.id(), true))).isInstanceOf(NotFoundException.class);
        as(s.student(), () -> qa.resolve(p.id(), true));
        assertThat(as(s.ta(), () -> qa.thread(p.id())).post().resolved()).isTrue();

        var times = as(s.instructor(), () -> qa.responseTimes(s.courseId()));
        assertThat(times.medianSecondsToStaffAnswer()).isBetween(1800L, 1801L);
        assertThat(times.unanswered()).isZero();
        assertThatThrownBy(() -> as(s.student(), () -> qa.responseTimes(s.courseId()))).isInstanceOf(ForbiddenException.class);

        // Made public by staff: the class sees it, without the author's name.
        as(s.ta(), () -> qa.moderate(p.id(), new Moderation(null, null, true, null)));
        var seen = as(s.otherStudent(), () -> qa.thread(p.id()));
        assertThat(seen.post().author()).isNull();
        assertThat(seen.post().anonymous()).isTrue();
        assertThat(as(s.ta(), () -> qa.thread(p.id())).post().author()).isEqualTo("student");
    }

    @Test
    void anonymousToClassmatesNeverToStaff() {
        var s = coursework.setup(false);
        Post p = as(s.student(), () -> qa.ask(s.courseId(), new PostDraft("Is the midterm cumulative?", "", null, null, false, true)));
        Reply c = as(s.otherStudent(), () -> qa.comment(p.id(), null, "Same question", true));
        Reply an = as(s.otherStudent(), () -> qa.answer(p.id(), "I think so", true));

        var byClassmate = as(s.otherStudent(), () -> qa.posts(s.courseId(), PostFilter.all()));
        assertThat(byClassmate).singleElement().satisfies(x -> assertThat(x.author()).isNull());
        var threadForAuthor = as(s.student(), () -> qa.thread(p.id()));
        assertThat(threadForAuthor.post().author()).isEqualTo("student");
        assertThat(threadForAuthor.comments()).singleElement().satisfies(x -> assertThat(x.author()).isNull());
        assertThat(threadForAuthor.answers()).singleElement().satisfies(x -> assertThat(x.author()).isNull());
        assertThat(as(s.otherStudent(), () -> qa.thread(p.id())).answers().getFirst().author()).isEqualTo("other"); // their own
        var forStaff = as(s.ta(), () -> qa.thread(p.id()));
        assertThat(forStaff.post().author()).isEqualTo("student");
        assertThat(forStaff.comments()).extracting(Reply::author).containsExactly("other");
        assertThat(forStaff.answers()).extracting(Reply::author).containsExactly("other");
        // Mail events name no one.
        assertThat(events.stream(QaActivity.class).map(Object::toString)).noneMatch(t -> t.contains("student") || t.contains("other"));
        assertThat(c.anonymous()).isTrue();
        assertThat(an.anonymous()).isTrue();
    }

    @Test
    void staffEndorsePinLockAndMarkDuplicates() {
        var s = coursework.setup(false);
        Post p = as(s.student(), () -> qa.ask(s.courseId(), new PostDraft("Batch norm at test time?", "Which statistics?", null, null, false, false)));
        Post q = as(s.otherStudent(), () -> qa.ask(s.courseId(), new PostDraft("BN eval mode", "same", null, null, false, false)));
        Reply a = as(s.otherStudent(), () -> qa.answer(p.id(), "The running averages from training.", false));
        assertThatThrownBy(() -> as(s.student(), () -> qa.endorse(a.id(), true))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(s.student(), () -> qa.moderate(p.id(), new Moderation(true, null, null, null))))
                .isInstanceOf(ForbiddenException.class);
        as(s.ta(), () -> qa.endorse(a.id(), true));
        assertThat(as(s.student(), () -> qa.thread(p.id())).answers().getFirst().endorsed()).isTrue();
        assertThat(as(s.student(), () -> qa.posts(s.courseId(), PostFilter.all())).stream().filter(x -> x.id() == p.id()).findFirst().orElseThrow()
                .endorsedAnswer()).isTrue();

        as(s.ta(), () -> qa.moderate(q.id(), new Moderation(null, true, null, p.id())));
        var dup = as(s.student(), () -> qa.thread(q.id())).post();
        assertThat(dup.duplicateOf()).isEqualTo(p.id());
        assertThat(dup.locked()).isTrue();
        assertThatThrownBy(() -> as(s.student(), () -> qa.answer(q.id(), "hi", false))).isInstanceOf(ConflictException.class);
        as(s.ta(), () -> qa.answer(q.id(), "See the other post.", false)); // staff still can
        as(s.instructor(), () -> qa.moderate(p.id(), new Moderation(true, null, null, null)));
        assertThat(as(s.student(), () -> qa.posts(s.courseId(), PostFilter.all())).getFirst().id()).isEqualTo(p.id());

        var other = coursework.setup(false);
        Post elsewhere = as(other.student(), () -> qa.ask(other.courseId(), new PostDraft("Elsewhere", "x", null, null, false, false)));
        assertThatThrownBy(() -> as(s.ta(), () -> qa.moderate(q.id(), new Moderation(null, null, null, elsewhere.id()))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> as(s.ta(), () -> qa.thread(elsewhere.id()))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void searchAndFiltersOverPostsAndAnswers() {
        var s = coursework.setup(false);
        long lecture = as(s.instructor(), () -> schedule.addLecture(s.courseId(), new LectureDraft(3, LocalDate.of(2026, 1, 13),
                LocalTime.of(10, 0), LocalTime.of(11, 20), "Backpropagation", "", null, null)).id());
        long a1 = as(s.student(), () -> schedule.items(s.courseId())).stream()
                .filter(i -> i.kind() == org.lectern.schedule.CourseItem.Kind.ASSIGNMENT).findFirst().orElseThrow().id();
        Post onLecture = as(s.student(), () -> qa.ask(s.courseId(), new PostDraft("Chain rule through a max", "How do gradients flow?", lecture, null,
                false, false)));
        Post onAssignment = as(s.otherStudent(), () -> qa.ask(s.courseId(), new PostDraft("ReLU test failing", "my relu is wrong", null, a1, false, false)));
        as(s.ta(), () -> qa.answer(onAssignment.id(), "Use np.maximum for elementwise comparisons.", false));

        assertThat(as(s.student(), () -> qa.posts(s.courseId(), new PostFilter(PostFilter.Show.ALL, null, null, "gradients"))))
                .extracting(Post::id).containsExactly(onLecture.id());
        // Words of an answer find its post; stemming finds "comparison".
        assertThat(as(s.student(), () -> qa.posts(s.courseId(), new PostFilter(PostFilter.Show.ALL, null, null, "comparison"))))
                .extracting(Post::id).containsExactly(onAssignment.id());
        assertThat(as(s.student(), () -> qa.posts(s.courseId(), new PostFilter(PostFilter.Show.UNANSWERED, null, null, null))))
                .extracting(Post::id).containsExactly(onLecture.id());
        assertThat(as(s.student(), () -> qa.posts(s.courseId(), new PostFilter(PostFilter.Show.MINE, null, null, null))))
                .extracting(Post::id).containsExactly(onLecture.id());
        assertThat(as(s.student(), () -> qa.posts(s.courseId(), new PostFilter(PostFilter.Show.ALL, lecture, null, null))))
                .extracting(Post::id).containsExactly(onLecture.id());
        assertThat(as(s.student(), () -> qa.posts(s.courseId(), new PostFilter(PostFilter.Show.ALL, null, a1, null))))
                .extracting(Post::id).containsExactly(onAssignment.id());
        // Search syntax from a user is data, never an error.
        assertThat(as(s.student(), () -> qa.posts(s.courseId(), new PostFilter(PostFilter.Show.ALL, null, null, "\"relu & ! (")))).isNotNull();
        assertThatThrownBy(() -> as(s.student(), () -> qa.ask(s.courseId(), new PostDraft("x", "y", 999_999_999L, null, false, false))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> as(s.student(), () -> qa.ask(s.courseId(), new PostDraft(" ", "y", null, null, false, false))))
                .isInstanceOf(InvalidInputException.class);
        var stranger = people.user("stranger");
        assertThatThrownBy(() -> as(stranger, () -> qa.posts(s.courseId(), PostFilter.all()))).isInstanceOf(NotFoundException.class);
        // A stranger learns nothing, not even which course the post is in.
        assertThatThrownBy(() -> as(stranger, () -> qa.thread(onLecture.id()))).isInstanceOf(NotFoundException.class)
                .hasMessage("No post " + onLecture.id() + " among your courses.");
    }

    @Test
    void imagesAreCheckedByTheirBytesAndServedToMembersOnly() {
        var s = coursework.setup(false);
        String md = as(s.student(), () -> qa.uploadImage(s.courseId(), PNG));
        assertThat(md).matches("!\\[image]\\(/qa-images/\\d+\\)");
        long id = Long.parseLong(md.substring(md.lastIndexOf('/') + 1, md.length() - 1));
        assertThat(as(s.student(), () -> qa.image(id)).contentType()).isEqualTo("image/png");
        assertThat(as(s.ta(), () -> qa.image(id)).contentType()).isEqualTo("image/png");
        // A picture is as private as the question that shows it, whatever its (guessable) number.
        assertThatThrownBy(() -> as(s.otherStudent(), () -> qa.image(id))).isInstanceOf(NotFoundException.class);
        as(s.student(), () -> qa.ask(s.courseId(), new PostDraft("My loss curve", "Private: " + md, null, null, true, false)));
        assertThatThrownBy(() -> as(s.otherStudent(), () -> qa.image(id))).isInstanceOf(NotFoundException.class);
        as(s.student(), () -> qa.ask(s.courseId(), new PostDraft("Loss curve, public", "See " + md, null, null, false, false)));
        assertThat(as(s.otherStudent(), () -> qa.image(id)).contentType()).isEqualTo("image/png");
        assertThatThrownBy(() -> as(people.user("stranger"), () -> qa.image(id))).isInstanceOf(NotFoundException.class);
        byte[] svg = "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> as(s.student(), () -> qa.uploadImage(s.courseId(), svg))).isInstanceOf(InvalidInputException.class);
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> as(s.student(), () -> qa.uploadImage(s.courseId(), html))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> as(s.student(), () -> qa.uploadImage(s.courseId(), new byte[ImageCheck.MAX_BYTES + 1])))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("2 MB");
    }
}
