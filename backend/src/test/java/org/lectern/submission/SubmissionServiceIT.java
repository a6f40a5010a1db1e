package org.lectern.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lectern.People.as;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.platform.audit.AuditLog;
import org.lectern.platform.blob.BlobStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@BackendTest
class SubmissionServiceIT {

    @Autowired Coursework coursework;
    @Autowired SubmissionService submissions;
    @Autowired BlobStore blobs;
    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;

    private int submissionRows(long assignmentId) {
        return jdbc.sql("select count(*) from submission where assignment_id = ?").param(assignmentId).query(Integer.class).single();
    }

    @Test
    void everyVersionIsStoredWithItsReceiptAndTheLatestCounts() {
        var s = coursework.setup(false);
        byte[] first = Coursework.halfRight();
        byte[] second = Coursework.correct();
        Receipt r1 = as(s.student(), () -> submissions.submit(s.assignment().id(), "a1.ipynb", first));
        Receipt r2 = as(s.student(), () -> submissions.submit(s.assignment().id(), "a1.ipynb", second));
        assertThat(r2.version()).isEqualTo(2);
        assertThat(blobs.get(r1.sha256())).hasValueSatisfying(b -> assertThat(b).isEqualTo(first));
        var mine = as(s.student(), () -> submissions.mine(s.assignment().id()));
        assertThat(mine.versions()).extracting(Submission::version).containsExactly(2, 1);
        assertThat(mine.countedId()).isEqualTo(r2.submissionId());

        as(s.student(), () -> submissions.choose(r1.submissionId()));
        assertThat(as(s.student(), () -> submissions.mine(s.assignment().id())).countedId()).isEqualTo(r1.submissionId());
        assertThat(as(s.ta(), () -> submissions.counted(s.assignment().id()))).extracting(Submission::id).containsExactly(r1.submissionId());
    }

    @Test
    void badUploadsAreRefusedWithAReasonAndLeaveNothingBehind() throws Exception {
        var s = coursework.setup(false);
        long a = s.assignment().id();
        record Case(String name, byte[] bytes, String message) {
        }
        var cases = java.util.List.of(
                new Case("broken.ipynb", "{\"cells\": [".getBytes(StandardCharsets.UTF_8), "not valid JSON"),
                new Case("notes.txt", "hello".getBytes(StandardCharsets.UTF_8), ".ipynb"),
                new Case("evil.zip", Coursework.zip("../../etc/cron.d/x.py", "print(1)"), "path"),
                new Case("latin1.py", new byte[] {'x', '=', '"', (byte) 0xE9, '"'}, "UTF-8"),
                new Case("empty.py", new byte[0], "empty"),
                new Case("huge.py", ("x = 1\n".repeat(1_000_000)).getBytes(StandardCharsets.UTF_8), "limit"));
        for (Case c : cases) {
            assertThatThrownBy(() -> as(s.student(), () -> submissions.submit(a, c.name(), c.bytes())))
                    .as(c.name()).isInstanceOf(InvalidInputException.class).hasMessageContaining(c.message());
        }
        assertThat(submissionRows(a)).isZero();
    }

    @Test
    void studentsNeverSeeEachOthersWork() {
        var s = coursework.setup(false);
        Receipt mine = as(s.student(), () -> submissions.submit(s.assignment().id(), "a1.ipynb", Coursework.correct()));
        assertThatThrownBy(() -> as(s.otherStudent(), () -> submissions.get(mine.submissionId()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(s.otherStudent(), () -> submissions.files(mine.submissionId()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(s.otherStudent(), () -> submissions.counted(s.assignment().id()))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(s.otherStudent(), () -> submissions.choose(mine.submissionId()))).isInstanceOf(NotFoundException.class);
        assertThat(as(s.ta(), () -> submissions.files(mine.submissionId()))).extracting(StoredFile::path).containsExactly("a1.ipynb");
    }

    @Test
    void staffSubmitOnAStudentsBehalfWithTheOriginalTimeAndAnAuditEntry() {
        var s = coursework.setup(false);
        Instant original = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Receipt r = as(s.ta(), () -> submissions.submitOnBehalf(s.assignment().id(), s.student().email(), original,
                "Gradescope outage; e-mailed at 23:40", "a1.ipynb", Coursework.correct()));
        Submission stored = as(s.student(), () -> submissions.get(r.submissionId()));
        assertThat(stored.submittedAt()).isEqualTo(original);
        assertThat(stored.onBehalf()).isTrue();
        assertThat(audit.forCourse(s.courseId())).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("submission.on_behalf");
            assertThat(e.actorId()).isEqualTo(s.ta().id());
            assertThat(e.detail()).contains("outage").contains(r.sha256());
        });
        assertThatThrownBy(() -> as(s.ta(), () -> submissions.submitOnBehalf(s.assignment().id(), s.student().email(), null, " ",
                "a1.ipynb", Coursework.correct()))).isInstanceOf(InvalidInputException.class).hasMessageContaining("why");
        assertThatThrownBy(() -> as(s.student(), () -> submissions.submitOnBehalf(s.assignment().id(), s.otherStudent().email(), null,
                "because", "a1.ipynb", Coursework.correct()))).isInstanceOf(ForbiddenException.class);
    }
}
