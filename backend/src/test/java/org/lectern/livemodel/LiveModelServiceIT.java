package org.lectern.livemodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.lectern.People.as;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.People;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.platform.UnavailableException;
import org.lectern.schedule.ScheduleService;
import org.springframework.beans.factory.annotation.Autowired;

/** Live model exercises on the real database, answered by the real warm worker process. */
@BackendTest
class LiveModelServiceIT {

    @Autowired Coursework coursework;
    @Autowired People people;
    @Autowired LiveModelService live;
    @Autowired ScheduleService schedule;
    @Autowired LiveRequestServer server;
    @Autowired LiveAnswers answers;
    @Autowired LiveInferencePool pool;
    @Autowired org.lectern.livemodel.internal.LiveRequestRepository requests;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** A "1": a thick upright stroke on a 64×64 pad, as hexadecimal ink cells. */
    static String drawnOne() {
        StringBuilder cells = new StringBuilder();
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                cells.append(y >= 6 && y < 58 && x >= 29 && x < 36 ? 'f' : '0');
            }
        }
        return cells.toString();
    }

    @Test
    void staffLinkItToALectureAndStudentsGetAnswersAtOnce() throws Exception {
        var s = coursework.setup(false);
        LiveModelExercise e = as(s.instructor(), () -> live.create(s.courseId(),
                new LiveModelExerciseDraft(null, "LIVE-1", null, null)));
        assertThat(e.modelKey()).isEqualTo("digits-cnn");
        assertThat(as(s.student(), () -> schedule.items(s.courseId())))
                .anyMatch(i -> i.shortName().equals("LIVE-1") && i.route().equals("courses/" + s.courseId() + "/live-models/" + e.id()));

        // A course dataset example: the true label comes back beside the model's answer.
        LiveAnswer sample = as(s.student(), () -> live.explainSample(e.id(), 0));
        assertThat(sample.sampleLabel()).isNotNull();
        assertThat(sample.explanation().predicted()).isEqualTo(sample.sampleLabel());
        assertThat(sample.explanation().probabilities()).hasSize(10);
        assertThat(sample.explanation().occlusion()).hasSize(64);
        assertThat(sample.explanation().filters()).hasSize(16 * 9);
        assertThat(sample.explanation().activations()).hasSize(16 * 64);

        LiveAnswer drawing = as(s.student(), () -> live.explainDrawing(e.id(), drawnOne(), 64));
        assertThat(drawing.sampleLabel()).isNull();
        assertThat(drawing.explanation().image()).contains(0f).doesNotContain(-1f).isNotEqualTo(new float[64]);
        assertThat(drawing.explanation().predicted()).isEqualTo(1);

        byte[] png = png();
        LiveAnswer picture = as(s.otherStudent(), () -> live.explainPicture(e.id(), png));
        assertThat(picture.explanation().probabilities()).hasSize(10);

        LiveModelSummary summary = as(s.ta(), () -> live.summary(e.id()));
        assertThat(summary.answers()).isEqualTo(3);
        assertThat(summary.students()).isEqualTo(2);
        assertThat(summary.workerState()).isEqualTo("READY");
        assertThat(summary.workerDevice()).isIn("cpu", "gpu");
        assertThat(summary.servedBy()).as("the pool node that answered").endsWith("-" + ProcessHandle.current().pid());
    }

    @Test
    void badInputGetsAClearMessage() throws Exception {
        var s = coursework.setup(false);
        LiveModelExercise e = as(s.instructor(), () -> live.create(s.courseId(), new LiveModelExerciseDraft(null, "LIVE-2", "Draw", null)));
        assertThatThrownBy(() -> as(s.student(), () -> live.explainDrawing(e.id(), "0".repeat(64 * 64), 64)))
                .isInstanceOf(InvalidInputException.class).hasMessage("Draw a digit first: the pad is empty.");
        assertThatThrownBy(() -> as(s.student(), () -> live.explainDrawing(e.id(), "00", 64)))
                .isInstanceOf(InvalidInputException.class).hasMessage("drawing: a 64x64 drawing has 4096 cells, not 2.");
        assertThatThrownBy(() -> as(s.student(), () -> live.explainPicture(e.id(), "not a picture".getBytes())))
                .isInstanceOf(InvalidInputException.class).hasMessage("picture: not a PNG, JPEG, GIF or BMP image.");
        // A few hundred bytes declaring 40000×40000 pixels: refused from the header, nothing allocated.
        byte[] bomb = pngHeaderDeclaring(40_000, 40_000);
        assertThatThrownBy(() -> as(s.student(), () -> live.explainPicture(e.id(), bomb)))
                .isInstanceOf(InvalidInputException.class).hasMessage("picture: it is 40000×40000 pixels; at most 4096 pixels a side.");
        assertThatThrownBy(() -> as(s.student(), () -> live.explainSample(e.id(), 100_000)))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("sample: 0 to ");
        assertThatThrownBy(() -> as(s.student(), () -> live.explainPixels(e.id(), new float[64 - 1])))
                .isInstanceOf(InvalidInputException.class).hasMessage("pixels: 64 values (8 rows of 8), not 63.");
        assertThatThrownBy(() -> as(s.instructor(), () -> live.create(s.courseId(), new LiveModelExerciseDraft("resnet", "X", null, null))))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("modelKey: no course model 'resnet'");
    }

    @Test
    void onlyStaffCreateAndSeeUseAndOutsidersSeeNothing() {
        var s = coursework.setup(false);
        var outsider = people.user("outsider");
        assertThatThrownBy(() -> as(s.student(), () -> live.create(s.courseId(), new LiveModelExerciseDraft(null, "MINE", null, null))))
                .isInstanceOf(ForbiddenException.class);
        LiveModelExercise e = as(s.instructor(), () -> live.create(s.courseId(), new LiveModelExerciseDraft(null, "LIVE-3", null, null)));
        assertThatThrownBy(() -> as(s.student(), () -> live.summary(e.id()))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(outsider, () -> live.explainSample(e.id(), 0))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(outsider, () -> live.exercise(e.id()))).isInstanceOf(NotFoundException.class);
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(80, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 80, 80);
        g.setColor(Color.BLACK);
        g.fillOval(20, 10, 40, 60);
        g.setColor(Color.WHITE);
        g.fillOval(30, 20, 20, 40); // a "0"
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void whenNoPoolNodeAnswersTheStudentIsToldAndNothingIsLeftBehind() {
        var s = coursework.setup(false);
        LiveModelExercise e = as(s.instructor(), () -> live.create(s.courseId(), new LiveModelExerciseDraft(null, "LIVE-4", null, null)));
        server.stop();
        try {
            assertThatThrownBy(() -> as(s.student(), () -> live.explainSample(e.id(), 0)))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessage("The model could not answer: no model worker answered within 2000 ms; try again in a moment.");
        } finally {
            server.start();
        }
        assertThat(jdbc.queryForObject("select count(*) from live_request", Integer.class)).isZero();
        // The restarted node listens again once its channel is back: on a loaded machine that can take longer than
        // one request's deadline, so wait for the state (an answer), not for a time.
        await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(UnavailableException.class).untilAsserted(() ->
                assertThat(as(s.student(), () -> live.explainSample(e.id(), 0)).explanation().probabilities()).hasSize(10));
    }

    /**
     * A node that has taken a request but answers after the unclaimed deadline (a worker starting cold on a busy
     * machine) is waited for: the student gets the answer, not a refusal.
     */
    @Test
    void aClaimedRequestIsWaitedForPastTheUnclaimedDeadline() throws Exception {
        var s = coursework.setup(false);
        LiveModelExercise e = as(s.instructor(), () -> live.create(s.courseId(), new LiveModelExerciseDraft(null, "LIVE-5", null, null)));
        var node = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        server.stop();
        try {
            var answer = new java.util.concurrent.atomic.AtomicReference<String>();
            // The slow node: claims the request as soon as it is stored, answers 3 s later (the deadline is 2 s).
            node.execute(() -> {
                long id = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                        .pollInterval(java.time.Duration.ofMillis(20))
                        .until(() -> jdbc.queryForList("select id from live_request", Long.class), ids -> !ids.isEmpty())
                        .getFirst();
                var claimed = requests.claim(id, "slow-node").orElseThrow();
                node.schedule(() -> requests.answer(id, answerFor(claimed.modelKey()), null), 3, java.util.concurrent.TimeUnit.SECONDS);
            });
            var answered = as(s.student(), () -> live.explainSample(e.id(), 0));
            assertThat(answered.explanation().probabilities()).hasSize(10);
        } finally {
            node.shutdownNow();
            server.start();
        }
        assertThat(jdbc.queryForObject("select count(*) from live_request", Integer.class)).isZero();
    }

    /** A real explanation of an example, as a node would store it. */
    private String answerFor(String modelKey) {
        try {
            var explanation = pool.explain(modelKey, new float[64]);
            return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(explanation);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Test
    void aRequestForAModelNoNodeHasComesBackWithItsReason() {
        assertThatThrownBy(() -> answers.ask("resnet-50", new float[64])).isInstanceOf(UnavailableException.class)
                .hasMessage("The model could not answer: no course model resnet-50.");
    }

    /** The PNG signature, an IHDR declaring width × height 8-bit grey pixels, and IEND: 45 bytes. */
    static byte[] pngHeaderDeclaring(int width, int height) throws java.io.IOException {
        var out = new java.io.ByteArrayOutputStream();
        var d = new java.io.DataOutputStream(out);
        d.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        var ihdr = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height).put(new byte[] {8, 0, 0, 0, 0}).array();
        for (var chunk : java.util.List.of(java.util.Map.entry("IHDR", ihdr), java.util.Map.entry("IEND", new byte[0]))) {
            byte[] type = chunk.getKey().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            d.writeInt(chunk.getValue().length);
            d.write(type);
            d.write(chunk.getValue());
            var crc = new java.util.zip.CRC32();
            crc.update(type);
            crc.update(chunk.getValue());
            d.writeInt((int) crc.getValue());
        }
        return out.toByteArray();
    }
}
