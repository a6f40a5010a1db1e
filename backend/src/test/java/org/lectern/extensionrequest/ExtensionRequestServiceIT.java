package org.lectern.extensionrequest;

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
import org.lectern.assignment.AssignmentDraft;
import org.lectern.assignment.AssignmentService;
import org.lectern.gradebook.GradebookService;
import org.lectern.platform.ConflictException;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;

/** Extension requests on the real database: an approved one is an extension the late-day ledger counts. */
@BackendTest
class ExtensionRequestServiceIT {

    @Autowired Coursework coursework;
    @Autowired AssignmentService assignments;
    @Autowired ExtensionRequestService requests;
    @Autowired GradebookService gradebook;

    @Test
    void anApprovedRequestBecomesTheExtensionTheLedgerHonours() {
        var s = coursework.setup(false);
        var outsider = coursework.setup(false).student();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        as(s.instructor(), () -> assignments.create(s.courseId(), new AssignmentDraft("A2", "Backprop", null, now.minus(1, ChronoUnit.DAYS),
                now.plus(3, ChronoUnit.DAYS), BigDecimal.TEN, null, null, null, null, null, null, null, null, "Assignments", null)));

        var draft = new ExtensionRequestService.Draft("A2", 3, "Hospital stay, note from the clinic");
        var mine = as(s.student(), () -> requests.request(s.courseId(), draft));
        assertThat(mine.status()).isEqualTo("open");
        assertThatThrownBy(() -> as(s.student(), () -> requests.request(s.courseId(), draft))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> as(s.student(), () -> requests.request(s.courseId(), new ExtensionRequestService.Draft("nope", 3, "x"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not an item");
        assertThatThrownBy(() -> as(s.student(), () -> requests.request(s.courseId(), new ExtensionRequestService.Draft("A2", 99, "x"))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> as(s.ta(), () -> requests.request(s.courseId(), draft))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(outsider, () -> requests.request(s.courseId(), draft))).isInstanceOf(NotFoundException.class);

        // Students see only their own; deciding is staff's; an outsider learns nothing.
        assertThat(as(s.otherStudent(), () -> requests.requests(s.courseId()))).isEmpty();
        assertThat(as(s.ta(), () -> requests.requests(s.courseId()))).extracting(ExtensionRequest::id).containsExactly(mine.id());
        assertThatThrownBy(() -> as(s.student(), () -> requests.decide(mine.id(), true, ""))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(outsider, () -> requests.decide(mine.id(), true, ""))).isInstanceOf(NotFoundException.class)
                .hasMessage("No extension request " + mine.id() + ".");
        assertThatThrownBy(() -> as(s.ta(), () -> requests.decide(mine.id(), false, " "))).isInstanceOf(InvalidInputException.class);

        var approved = as(s.ta(), () -> requests.decide(mine.id(), true, "Get well"));
        assertThat(approved.status()).isEqualTo("approved");
        assertThatThrownBy(() -> as(s.ta(), () -> requests.decide(mine.id(), false, "no"))).isInstanceOf(ConflictException.class);
        var ledger = as(s.ta(), () -> gradebook.gradebook(s.courseId())).students().stream().filter(r -> r.accountId() == s.student().id())
                .findFirst().orElseThrow().ledger();
        assertThat(ledger).anySatisfy(e -> {
            assertThat(e.key()).isEqualTo("A2");
            assertThat(e.extension()).isNotNull();
        });
        assertThat(as(s.student(), () -> requests.requests(s.courseId()))).singleElement()
                .satisfies(r -> assertThat(r.note()).isEqualTo("Get well"));
        List<ExtensionRequest> none = as(s.otherStudent(), () -> requests.requests(s.courseId()));
        assertThat(none).isEmpty();
    }

    @Test
    void aDocumentIsKeptWithTheRequestAndShownOnlyToItsStudentAndStaff() {
        var s = coursework.setup(false);
        var outsider = coursework.setup(false).student();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        as(s.instructor(), () -> assignments.create(s.courseId(), new AssignmentDraft("A3", "CNNs", null, now.minus(1, ChronoUnit.DAYS),
                now.plus(3, ChronoUnit.DAYS), BigDecimal.TEN, null, null, null, null, null, null, null, null, "Assignments", null)));
        var draft = new ExtensionRequestService.Draft("A3", 2, "Flu, doctor's note attached");

        // Markup posing as a PDF is refused in words and nothing is stored: no request, no blob.
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> as(s.student(), () -> requests.request(s.courseId(), draft, new ExtensionRequestService.Document("note.pdf", html))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("PDF, PNG or JPEG");
        assertThat(as(s.student(), () -> requests.requests(s.courseId()))).isEmpty();

        byte[] pdf = org.lectern.testing.SamplePdfs.answers(1);
        var mine = as(s.student(), () -> requests.request(s.courseId(), draft, new ExtensionRequestService.Document("doctors note.pdf", pdf)));
        assertThat(mine.documentName()).isEqualTo("doctors note.pdf");
        var asStudent = as(s.student(), () -> requests.document(mine.id()));
        assertThat(asStudent.content()).isEqualTo(pdf);
        assertThat(asStudent.kind()).isEqualTo(Evidence.Kind.PDF);
        assertThat(as(s.ta(), () -> requests.document(mine.id())).content()).isEqualTo(pdf);
        // A classmate and an outsider learn nothing, not even that the request exists.
        assertThatThrownBy(() -> as(s.otherStudent(), () -> requests.document(mine.id()))).isInstanceOf(NotFoundException.class)
                .hasMessage("No extension request " + mine.id() + ".");
        assertThatThrownBy(() -> as(outsider, () -> requests.document(mine.id()))).isInstanceOf(NotFoundException.class)
                .hasMessage("No extension request " + mine.id() + ".");
        // A request without a document has none to read.
        var other = as(s.otherStudent(), () -> requests.request(s.courseId(), draft));
        assertThat(other.documentName()).isNull();
        assertThatThrownBy(() -> as(s.ta(), () -> requests.document(other.id()))).isInstanceOf(NotFoundException.class).hasMessageContaining("no document");
    }
}
