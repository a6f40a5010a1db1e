package org.lectern.livemodel;

import java.awt.image.BufferedImage;
import java.util.List;
import org.lectern.course.CourseAccess;
import org.lectern.grading.live.DigitBitmap;
import org.lectern.grading.live.Explanation;
import org.lectern.grading.live.LiveInferenceWorker;
import org.lectern.grading.live.PictureDecoder;
import org.lectern.grading.model.EvaluationData;
import org.lectern.identity.CurrentUser;
import org.lectern.livemodel.internal.LiveModelRepository;
import org.lectern.platform.ConflictException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.platform.UnavailableException;
import org.lectern.platform.audit.AuditLog;
import org.lectern.schedule.CourseItem;
import org.lectern.schedule.CourseItemDraft;
import org.lectern.schedule.ScheduleService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Live model exercises: staff link one to a lecture; any member of the course asks the course model about a
 * drawing, a picture or an example of the course dataset and gets its explanation at once, from whichever pool node
 * claims the request first. No transaction or connection is held while the pool answers.
 */
@Service
public class LiveModelService {

    /** Pictures larger than this are refused before decoding. */
    public static final int MAX_PICTURE_BYTES = 2 * 1024 * 1024;
    private static final int MAX_PICTURE_SIDE = 4096;

    private final LiveModelRepository repo;
    private final CourseAccess access;
    private final ScheduleService schedule;
    private final AuditLog audit;
    private final CourseModels models;
    private final LiveInferencePool pool;
    private final LiveAnswers answers;

    LiveModelService(LiveModelRepository repo, CourseAccess access, ScheduleService schedule, AuditLog audit,
                     CourseModels models, LiveInferencePool pool, LiveAnswers answers) {
        this.answers = answers;
        this.repo = repo;
        this.access = access;
        this.schedule = schedule;
        this.audit = audit;
        this.models = models;
        this.pool = pool;
    }

    @Transactional
    public LiveModelExercise create(long courseId, LiveModelExerciseDraft d) {
        var grant = access.staff(courseId);
        String key = d.modelKey() == null || d.modelKey().isBlank() ? CourseModels.DIGITS : d.modelKey().strip();
        CourseModel model = models.find(key).orElseThrow(() -> new InvalidInputException("modelKey: no course model '" + key
                + "' (there is: " + String.join(", ", models.all().keySet()) + ")."));
        String shortName = d.shortName() == null ? "" : d.shortName().strip();
        if (!shortName.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}")) {
            throw new InvalidInputException("shortName: 1 to 32 letters, digits, '-', '_' or '.', like LIVE-1.");
        }
        if (repo.shortNameTaken(courseId, shortName)) {
            throw new ConflictException("This course already has a live exercise named " + shortName + ".");
        }
        String title = d.title() == null || d.title().isBlank() ? "What does the network see? " + model.title() : d.title().strip();
        long id = repo.insert(courseId, d.lectureId(), key, shortName, title, grant.caller().accountId());
        CourseItem item = schedule.registerItem(courseId, new CourseItemDraft(CourseItem.Kind.EXERCISE, shortName, title,
                d.lectureId(), null, null, "courses/" + courseId + "/live-models/" + id, false));
        repo.setItem(id, item.id());
        audit.record(grant.caller().accountId(), courseId, "live-model.created", shortName + " " + key);
        return repo.byId(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<LiveModelExercise> exercises(long courseId) {
        access.member(courseId);
        return repo.forCourse(courseId);
    }

    @Transactional(readOnly = true)
    public LiveModelExercise exercise(long exerciseId) {
        LiveModelExercise e = repo.byId(exerciseId).orElseThrow(() -> new NotFoundException("No live exercise " + exerciseId + "."));
        access.member(e.courseId());
        return e;
    }

    /** How many examples of the course dataset a student can pick from. */
    public int sampleCount(long exerciseId) {
        return examples(exercise(exerciseId)).size();
    }

    /**
     * A drawing from the browser's pad: {@code size × size} hexadecimal ink cells, 0 paper to f ink, row by row.
     */
    public LiveAnswer explainDrawing(long exerciseId, String cells, int size) {
        long start = System.nanoTime();
        LiveModelExercise e = exercise(exerciseId);
        float[] image;
        try {
            image = DigitBitmap.fromHexGrid(cells, size);
        } catch (IllegalArgumentException ex) {
            throw new InvalidInputException("drawing: " + ex.getMessage() + ".");
        }
        if (isBlank(image)) {
            throw new InvalidInputException("Draw a digit first: the pad is empty.");
        }
        return answer(e, "drawing", image, null, start);
    }

    /** An uploaded picture (PNG, JPEG, GIF or BMP) of one digit. */
    public LiveAnswer explainPicture(long exerciseId, byte[] bytes) {
        long start = System.nanoTime();
        LiveModelExercise e = exercise(exerciseId);
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException("picture: the file is empty.");
        }
        if (bytes.length > MAX_PICTURE_BYTES) {
            throw new InvalidInputException("picture: " + bytes.length / 1024 + " KiB is more than the 2 MiB a digit needs.");
        }
        BufferedImage picture;
        try {
            picture = PictureDecoder.decode(bytes, MAX_PICTURE_SIDE); // the size is read from the header before decoding
        } catch (IllegalArgumentException ex) {
            throw new InvalidInputException("picture: " + ex.getMessage());
        }
        float[] image = DigitBitmap.fromImage(picture);
        if (isBlank(image)) {
            throw new InvalidInputException("picture: no digit found (the picture is one flat colour).");
        }
        return answer(e, "picture", image, null, start);
    }

    /** Example {@code index} of the course dataset (its training split), with its true label. */
    public LiveAnswer explainSample(long exerciseId, int index) {
        long start = System.nanoTime();
        LiveModelExercise e = exercise(exerciseId);
        EvaluationData data = examples(e);
        if (index < 0 || index >= data.size()) {
            throw new InvalidInputException("sample: 0 to " + (data.size() - 1) + ".");
        }
        return answer(e, "sample", data.image(index), data.label(index), start);
    }

    /** An 8×8 image given directly, values 0 to 16 (the API's way; the course dataset's scale). */
    public LiveAnswer explainPixels(long exerciseId, float[] pixels) {
        long start = System.nanoTime();
        LiveModelExercise e = exercise(exerciseId);
        if (pixels == null || pixels.length != DigitBitmap.PIXELS) {
            throw new InvalidInputException("pixels: 64 values (8 rows of 8), not " + (pixels == null ? 0 : pixels.length) + ".");
        }
        for (float p : pixels) {
            if (!(p >= 0 && p <= 16)) {
                throw new InvalidInputException("pixels: each value is 0 to 16, as in the course dataset; got " + p + ".");
            }
        }
        return answer(e, "pixels", pixels.clone(), null, start);
    }

    @Transactional(readOnly = true)
    public LiveModelSummary summary(long exerciseId) {
        LiveModelExercise e = repo.byId(exerciseId).orElseThrow(() -> new NotFoundException("No live exercise " + exerciseId + "."));
        access.staff(e.courseId());
        LiveModelRepository.Usage usage = repo.usage(exerciseId);
        LiveInferenceWorker worker = pool.worker(e.modelKey());
        return new LiveModelSummary(usage.answers(), usage.students(), usage.medianMillis(), usage.p95Millis(), usage.nodes(),
                worker.state().name(), worker.device(), worker.lastError());
    }

    private LiveAnswer answer(LiveModelExercise e, String source, float[] image, Integer label, long start) {
        LiveAnswers.Answered answered = answers.ask(e.modelKey(), image);
        Explanation explanation = answered.explanation();
        double total = (System.nanoTime() - start) / 1e6;
        long account = CurrentUser.require().accountId();
        repo.recordAnswer(e.id(), account, source, explanation.predicted(),
                explanation.probabilities()[explanation.predicted()], explanation.millis(), total, answered.servedBy());
        return new LiveAnswer(e.id(), explanation, label, total);
    }

    private EvaluationData examples(LiveModelExercise e) {
        return models.find(e.modelKey()).orElseThrow(() -> new IllegalStateException("no course model " + e.modelKey())).examples();
    }

    private static boolean isBlank(float[] image) {
        for (float v : image) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }
}
