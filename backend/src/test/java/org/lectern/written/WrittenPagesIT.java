package org.lectern.written;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lectern.People.as;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.assignment.Assignment;
import org.lectern.assignment.AssignmentDraft;
import org.lectern.assignment.AssignmentService;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.submission.SubmissionService;
import org.lectern.testing.SamplePdfs;
import org.springframework.beans.factory.annotation.Autowired;

/** PDF answers on the real database and the real PDF worker: pages, marks, who sees them, bad PDFs refused whole. */
@BackendTest
class WrittenPagesIT {

    @Autowired Coursework coursework;
    @Autowired AssignmentService assignments;
    @Autowired SubmissionService submissions;
    @Autowired WrittenService written;
    @Autowired WrittenPages pages;

    static byte[] answers(int n) {
        return SamplePdfs.answers(n);
    }

    record Written(Coursework.Setup s, Assignment a, WrittenQuestion q1, WrittenQuestion q2) {
    }

    Written writtenAssignment() {
        var s = coursework.setup(false);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Assignment a = as(s.instructor(), () -> assignments.create(s.courseId(), new AssignmentDraft("W1", "Backprop by hand", null,
                now.minus(1, ChronoUnit.DAYS), now.plus(7, ChronoUnit.DAYS), BigDecimal.TEN, null, ".pdf", null, null, null, null, null, null, null,
                null)));
        var q1 = as(s.instructor(), () -> written.addQuestion(a.id(), new WrittenDrafts.Question(null, "Gradient of softmax", BigDecimal.valueOf(6), null)));
        var q2 = as(s.instructor(), () -> written.addQuestion(a.id(), new WrittenDrafts.Question(null, "Vanishing gradients", BigDecimal.valueOf(4), null)));
        return new Written(s, a, q1, q2);
    }

    @Test
    void studentsUploadAPdfAndMarkWhichPagesAnswerWhichQuestion() {
        var w = writtenAssignment();
        var s = w.s();
        var outsider = coursework.setup(false).student();
        long id = as(s.student(), () -> submissions.submit(w.a().id(), "answers.pdf", answers(3))).submissionId();

        var set = as(s.student(), () -> pages.pages(id));
        assertThat(set.pages()).isEqualTo(3);
        assertThat(set.unmarked()).containsExactly(1, 2); // the reminder: both questions still unmarked
        set = as(s.student(), () -> pages.mark(id, Map.of(w.q1().id(), List.of(2, 1, 2))));
        assertThat(set.marks()).containsEntry(w.q1().id(), List.of(1, 2));
        assertThat(set.unmarked()).containsExactly(2);
        byte[] png = as(s.ta(), () -> pages.page(id, 2));
        assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");

        // Nobody else sees or marks the pages, and they cannot tell the version exists.
        assertThatThrownBy(() -> as(s.otherStudent(), () -> pages.pages(id))).isInstanceOf(NotFoundException.class)
                .hasMessage("No submission " + id + " that you can see.");
        assertThatThrownBy(() -> as(s.otherStudent(), () -> pages.page(id, 1))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(s.otherStudent(), () -> pages.mark(id, Map.of()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(outsider, () -> pages.page(id, 1))).isInstanceOf(NotFoundException.class)
                .hasMessage("No submission " + id + " that you can see.");

        // Marks are checked: pages that are not there, questions of another assignment.
        assertThatThrownBy(() -> as(s.student(), () -> pages.mark(id, Map.of(w.q2().id(), List.of(4)))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("page 4");
        var elsewhere = writtenAssignment();
        assertThatThrownBy(() -> as(s.student(), () -> pages.mark(id, Map.of(elsewhere.q1().id(), List.of(1)))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a written question of this assignment");
        assertThat(as(s.student(), () -> pages.pages(id)).marks()).containsOnlyKeys(w.q1().id());

        // The grading queue: the marked pages for Q1, all pages for Q2 (none marked); graded as staff grade.
        long other = as(s.otherStudent(), () -> submissions.submit(w.a().id(), "answers.pdf", answers(2))).submissionId();
        var q1 = as(s.ta(), () -> pages.queue(w.q1().id()));
        assertThat(q1).extracting(WrittenPages.QueueEntry::submissionId).containsExactly(id, other);
        assertThat(q1.getFirst().pages()).containsExactly(1, 2);
        assertThat(as(s.ta(), () -> pages.queue(w.q2().id())).getFirst().pages()).containsExactly(1, 2, 3);
        as(s.ta(), () -> written.saveGrade(w.q1().id(), s.otherStudent().id(), new WrittenDrafts.Grade(List.of(), BigDecimal.ONE, "")));
        assertThat(as(s.ta(), () -> pages.queue(w.q1().id()))).extracting(WrittenPages.QueueEntry::graded).containsExactly(false, true);
        assertThatThrownBy(() -> as(s.student(), () -> pages.queue(w.q1().id()))).isInstanceOf(org.lectern.platform.ForbiddenException.class);
        assertThatThrownBy(() -> as(outsider, () -> pages.queue(w.q1().id()))).isInstanceOf(NotFoundException.class)
                .hasMessage("No written question " + w.q1().id() + ".");
    }

    @Test
    void aPdfThatCannotBeDrawnIsRefusedAndNothingIsStored() {
        var w = writtenAssignment();
        var s = w.s();
        assertThatThrownBy(() -> as(s.student(), () -> submissions.submit(w.a().id(), "answers.pdf", "%PDF-1.7\n garbage \u0000\u0001".getBytes())))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("answers.pdf: ");
        assertThatThrownBy(() -> as(s.student(), () -> submissions.submit(w.a().id(), "answers.pdf", answers(61))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("61 pages; at most 60");
        assertThat(as(s.student(), () -> submissions.mine(w.a().id())).versions()).isEmpty();
    }

    /** Photos of handwritten answers: several images in one upload become one PDF version, a page per image in order. */
    @Test
    void imagesInOneUploadAreJoinedIntoOnePdfVersionPagePerImage() throws Exception {
        var w = writtenAssignment();
        var s = w.s();
        var receipt = as(s.student(), () -> submissions.submit(w.a().id(), List.of(
                new SubmissionService.Upload("scan-1.jpg", SamplePdfs.image("jpg", 600, 800, 1)),
                new SubmissionService.Upload("scan-2.png", SamplePdfs.image("png", 1000, 500, 2)),
                new SubmissionService.Upload("scan-3.png", SamplePdfs.image("png", 400, 400, 3)))));
        assertThat(receipt.fileName()).isEqualTo("scan-1.pdf");
        assertThat(receipt.files()).containsExactly("scan-1.pdf");
        long id = receipt.submissionId();
        var set = as(s.student(), () -> pages.pages(id));
        assertThat(set.pages()).isEqualTo(3);
        assertThat(set.unmarked()).containsExactly(1, 2);
        var first = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(as(s.ta(), () -> pages.page(id, 1))));
        var second = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(as(s.ta(), () -> pages.page(id, 2))));
        assertThat(first.getHeight()).isGreaterThan(first.getWidth()); // the portrait photo first, as sent
        assertThat(second.getWidth()).isGreaterThan(second.getHeight());
        // One image alone is a PDF of one page, a version like any other.
        long single = as(s.student(), () -> submissions.submit(w.a().id(), "photo.jpeg", SamplePdfs.image("jpg", 500, 700, 4))).submissionId();
        assertThat(as(s.student(), () -> pages.pages(single)).pages()).isEqualTo(1);
    }

    /** Hostile images refuse the whole upload in words and store nothing. */
    @Test
    void hostileOrMixedImagesAreRefusedAndNothingIsStored() {
        var w = writtenAssignment();
        var s = w.s();
        byte[] photo = SamplePdfs.image("png", 300, 300, 1);
        assertThatThrownBy(() -> as(s.student(), () -> submissions.submit(w.a().id(), List.of(
                new SubmissionService.Upload("a.png", photo), new SubmissionService.Upload("b.png", SamplePdfs.pngClaiming(100_000, 100_000))))))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("Image 2 is 100000x100000 pixels");
        assertThatThrownBy(() -> as(s.student(), () -> submissions.submit(w.a().id(), List.of(
                new SubmissionService.Upload("a.png", photo), new SubmissionService.Upload("b.gif", "GIF89a....".getBytes())))))
                .isInstanceOf(InvalidInputException.class).hasMessage("Image 2 is not a PNG or JPEG image (by its contents).");
        assertThatThrownBy(() -> as(s.student(), () -> submissions.submit(w.a().id(), List.of(
                new SubmissionService.Upload("a.pdf", answers(1)), new SubmissionService.Upload("b.pdf", answers(1))))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Send one file");
        assertThat(as(s.student(), () -> submissions.mine(w.a().id())).versions()).isEmpty();
        // Where an item takes no PDFs, an image is not joined: it is a file of a type the item does not take.
        assertThatThrownBy(() -> as(s.student(), () -> submissions.submit(s.assignment().id(), "photo.png", photo)))
                .isInstanceOf(InvalidInputException.class);
    }
}
