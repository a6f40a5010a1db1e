package org.lectern.autograde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.lectern.People.as;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.assignment.Assignment;
import org.lectern.assignment.AssignmentDraft;
import org.lectern.assignment.AssignmentService;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.submission.SubmissionService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A model assignment on the real database and pool: the committed digits CNN and MLP (models/),
 * evaluated in a separate process on the committed evaluation data; a broken model is told what is
 * wrong at upload; the leaderboard hides private scores from students until the deadline.
 */
@BackendTest
class ModelAssignmentIT {

    static final Path MODELS = Path.of("..", "models");

    @Autowired Coursework coursework;
    @Autowired AssignmentService assignments;
    @Autowired SubmissionService submissions;
    @Autowired ModelAssignmentService models;

    static byte[] evaluationData() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String f : new String[] {"data.json", "images.f32", "labels.csv"}) {
                zip.putNextEntry(new ZipEntry("digits-eval/" + f));
                zip.write(Files.readAllBytes(MODELS.resolve("digits-eval").resolve(f)));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void modelsAreCheckedAtUploadEvaluatedOnThePoolAndRanked() throws Exception {
        var s = coursework.setup(false);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Assignment a = as(s.instructor(), () -> assignments.create(s.courseId(), new AssignmentDraft("M1", "Digits classifier", "model",
                now.minus(1, ChronoUnit.DAYS), now.plus(7, ChronoUnit.DAYS), BigDecimal.TEN, null, null, null, null, null, null, null, null)));
        assertThat(a.allowedExtensions()).containsExactly(".onnx");
        byte[] data = evaluationData();
        assertThatThrownBy(() -> as(s.ta(), () -> models.configure(a.id(), null, data))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(s.instructor(), () -> models.configure(a.id(), null, "not a zip".getBytes())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a zip file");
        as(s.instructor(), () -> models.configure(a.id(), ModelTaskDraft.digits(), data));

        byte[] cnn = Files.readAllBytes(MODELS.resolve("digits-cnn.onnx"));
        byte[] mlp = Files.readAllBytes(MODELS.resolve("digits-mlp.onnx"));
        byte[] misshapen = Files.readAllBytes(MODELS.resolve("fixtures").resolve("wrong-input-shape.onnx"));
        long good = as(s.student(), () -> submissions.submit(a.id(), "digits-cnn.onnx", cnn)).submissionId();
        long weak = as(s.otherStudent(), () -> submissions.submit(a.id(), "digits-mlp.onnx", mlp)).submissionId();
        // A wrong input shape is refused before any evaluation, in words a student can act on.
        long wrong = as(s.student(), () -> submissions.submit(a.id(), "mine.onnx", misshapen)).submissionId();
        var invalid = as(s.student(), () -> models.run(wrong)).orElseThrow();
        assertThat(invalid.state()).isEqualTo("INVALID");
        assertThat(invalid.message()).contains("[N,1,8,8]");

        await().atMost(Duration.ofSeconds(120)).until(() -> as(s.student(), () -> models.run(good)).map(ModelRunView::finished).orElse(false)
                && as(s.otherStudent(), () -> models.run(weak)).map(ModelRunView::finished).orElse(false));
        var mine = as(s.student(), () -> models.run(good)).orElseThrow();
        assertThat(mine.state()).as(mine.message()).isEqualTo("DONE");
        assertThat(mine.publicScore()).isCloseTo(0.982, org.assertj.core.data.Offset.offset(0.001)); // PyTorch's figure (models/)
        assertThat(mine.privateScore()).isNull(); // before the deadline
        assertThat(mine.parameters()).isEqualTo(38_282L);
        assertThat(as(s.ta(), () -> models.run(good)).orElseThrow().privateScore()).isNotNull();

        // The student's counted submission is the invalid one now; choosing the good one again puts it on the board.
        as(s.student(), () -> submissions.choose(good));
        var board = as(s.otherStudent(), () -> models.leaderboard(a.id()));
        assertThat(board.privateShown()).isFalse();
        assertThat(board.rows()).hasSize(2);
        assertThat(board.rows().getFirst().publicScore()).isGreaterThan(board.rows().get(1).publicScore());
        assertThat(board.rows().get(1).me()).isTrue();
        assertThat(board.rows()).allMatch(r -> r.privateScore() == null);
    }

    @Test
    void anUnreleasedModelAssignmentShowsStudentsNeitherItsSpecNorItsLeaderboard() throws Exception {
        var s = coursework.setup(false);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Assignment a = as(s.instructor(), () -> assignments.create(s.courseId(), new AssignmentDraft("M2", "Next week's classifier", "model",
                now.plus(7, ChronoUnit.DAYS), now.plus(14, ChronoUnit.DAYS), BigDecimal.TEN, null, null, null, null, null, null, null, null)));
        byte[] data = evaluationData();
        as(s.instructor(), () -> models.configure(a.id(), ModelTaskDraft.digits(), data));

        assertThatThrownBy(() -> as(s.student(), () -> models.task(a.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(s.student(), () -> models.leaderboard(a.id()))).isInstanceOf(NotFoundException.class);
        assertThat(as(s.ta(), () -> models.task(a.id()))).isPresent();
        assertThat(as(s.ta(), () -> models.leaderboard(a.id())).rows()).isEmpty();
    }
}
