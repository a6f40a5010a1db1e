package org.lectern.ui.livemodel;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.lectern.grading.live.Explanation;
import org.lectern.livemodel.LiveAnswer;
import org.lectern.livemodel.LiveModelExercise;
import org.lectern.livemodel.LiveModelService;
import org.lectern.livemodel.LiveModelSummary;
import org.lectern.platform.ForbiddenException;
import org.lectern.ui.Notifications;
import org.lectern.ui.Uploads;
import org.lectern.ui.course.CourseItemPage;

/**
 * A live model exercise: draw a digit (or upload a picture, or take an example from the course dataset) and see
 * at once what the course CNN makes of it: class probabilities, which pixels mattered (occlusion), the first
 * layer's filters and this digit's activation maps.
 */
@Route("courses/:courseId([0-9]+)/live-models/:exerciseId([0-9]+)")
@PageTitle("Live exercise · Lectern")
@PermitAll
public class LiveModelView extends CourseItemPage {

    private final LiveModelService live;
    private final Div result = new Div();

    private final org.lectern.course.CourseService courses;
    private final org.lectern.schedule.ScheduleService schedule;

    public LiveModelView(LiveModelService live, org.lectern.course.CourseService courses, org.lectern.schedule.ScheduleService schedule) {
        super("exerciseId", "live exercise");
        this.courses = courses;
        this.schedule = schedule;
        this.live = live;
    }

    @Override
    protected void render() {
        LiveModelExercise e = live.exercise(itemId);
        requireInCourse(e.courseId());
        addClassName("live-model");
        add(new org.lectern.ui.course.CourseHeader(courses.open(courseId), org.lectern.ui.course.CourseHeader.Tab.SCHEDULE),
                org.lectern.ui.LectureLink.back(schedule, courseId, e.lectureId()));
        H2 title = new H2(e.shortName() + " · " + e.title());
        title.setId("live-title");
        add(title, new Paragraph("Draw one digit, 0 to 9, as large as you like. After each stroke the network answers: how sure it is"
                + " of each class, which pixels it looked at (grey them out and see its confidence drop), and what its first layer"
                + " computes. Your drawing is shrunk to 8×8 like the course dataset's digits."));

        DigitPad pad = new DigitPad();
        pad.setId("digit-pad");
        pad.onStroke(cells -> show(() -> live.explainDrawing(itemId, cells, DigitPad.CELLS)));
        Button clear = new Button("Clear", ev -> {
            pad.clear();
            result.removeAll();
        });
        clear.setId("pad-clear");
        int samples = live.sampleCount(itemId);
        Button example = new Button("Example from the dataset", ev -> {
            pad.clear();
            show(() -> live.explainSample(itemId, ThreadLocalRandom.current().nextInt(samples)));
        });
        example.setId("dataset-example");
        example.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        UI ui = UI.getCurrent();
        Upload upload = Uploads.inMemory(LiveModelService.MAX_PICTURE_BYTES, 1, (meta, bytes) -> ui.access(() -> show(() -> live.explainPicture(itemId, bytes))));
        upload.setId("picture-upload");
        upload.setAcceptedFileTypes("image/png", "image/jpeg", "image/gif", "image/bmp", ".png", ".jpg", ".jpeg", ".gif", ".bmp");
        upload.setUploadButton(new Button("Upload a picture"));
        upload.setDropLabel(new Span("or drop one here"));

        Div controls = new Div(clear, example);
        controls.addClassName("pad-controls");
        VerticalLayout left = new VerticalLayout(pad, controls, upload);
        left.setPadding(false);
        left.setWidth("auto");
        result.setId("live-result");
        result.addClassName("live-result");
        FlexLayout columns = new FlexLayout(left, result);
        columns.addClassName("live-columns");
        add(columns);

        try {
            add(staffPanel(live.summary(itemId)));
        } catch (ForbiddenException notStaff) {
            // students see the exercise only
        }
    }

    private void show(Supplier<LiveAnswer> ask) {
        Notifications.call(ask).ifPresent(this::draw);
    }

    private void draw(LiveAnswer a) {
        Explanation x = a.explanation();
        result.removeAll();
        float confidence = x.probabilities()[x.predicted()];
        H3 verdict = new H3(String.format(Locale.ROOT, "The network says %d (%.1f%%)", x.predicted(), confidence * 100));
        verdict.setId("live-verdict");
        result.add(verdict);
        if (a.sampleLabel() != null) {
            Span truth = new Span("This example from the course dataset is a " + a.sampleLabel()
                    + (a.sampleLabel() == x.predicted() ? ": right." : ": the network is wrong here."));
            truth.setId("live-truth");
            result.add(truth);
        }
        Span timing = new Span(String.format(Locale.ROOT, "Answered in %.0f ms (%.1f ms in the model, on the %s).", a.totalMillis(),
                x.millis(), x.device().toUpperCase(Locale.ROOT)));
        timing.setId("live-timing");
        timing.addClassName("lectern-muted");
        result.add(timing);

        Div bars = new Div();
        bars.setId("live-probabilities");
        bars.addClassName("live-bars");
        for (int c = 0; c < x.probabilities().length; c++) {
            float p = x.probabilities()[c];
            Div row = new Div();
            row.addClassName("poll-bar-row");
            if (c == x.predicted()) {
                row.addClassName("correct");
            }
            Div bar = new Div();
            bar.addClassName("poll-bar");
            bar.setWidth(String.format(Locale.ROOT, "%.2f%%", p * 100));
            Div track = new Div(bar);
            track.addClassName("poll-bar-track");
            Span value = new Span(String.format(Locale.ROOT, "%.1f%%", p * 100));
            value.setId("live-p-" + c);
            row.add(new Span(Integer.toString(c)), track, value);
            bars.add(row);
        }
        result.add(bars);

        FlexLayout maps = new FlexLayout(
                figure("What the network got (8×8)", Heatmap.grey("live-input", "the 8 by 8 input", x.image(), 0, 8, 16f, 128)),
                figure("Occlusion: red pixels mattered for " + x.predicted(),
                        Heatmap.diverging("live-occlusion", "occlusion sensitivity", x.occlusion(), 0, 8, 128)));
        maps.addClassName("live-maps");
        result.add(maps);

        int k = x.kernel();
        Div filters = new Div();
        filters.setId("live-filters");
        filters.addClassName("live-grid");
        Div activations = new Div();
        activations.setId("live-activations");
        activations.addClassName("live-grid");
        float maxActivation = 0;
        for (float v : x.activations()) {
            maxActivation = Math.max(maxActivation, v);
        }
        for (int f = 0; f < x.filterCount(); f++) {
            filters.add(Heatmap.diverging("live-filter-" + f, "filter " + f, x.filters(), f * k * k, k, 48));
            activations.add(Heatmap.grey("live-activation-" + f, "activation map " + f, x.activations(), f * 64, 8, maxActivation, 48));
        }
        result.add(new H4("First layer: " + x.filterCount() + " filters of " + k + "×" + k + " (red positive, blue negative)"), filters,
                new H4("Their activation maps for this digit (after ReLU; darker is stronger)"), activations);
    }

    private static Component figure(String caption, Component image) {
        Div figure = new Div(image, new Paragraph(caption));
        figure.addClassName("live-figure");
        return figure;
    }

    private static Component staffPanel(LiveModelSummary s) {
        Div box = new Div();
        box.setId("live-staff");
        box.addClassName("lectern-card");
        box.add(new H4("For staff"), new Paragraph(s.answers() + " answers by " + s.students() + " people"
                + (s.medianMillis() == null ? "" : String.format(Locale.ROOT, "; answer time median %.0f ms, 95th percentile %.0f ms",
                s.medianMillis(), s.p95Millis())) + (s.servedBy() == null ? "" : "; answered by " + s.servedBy())
                + ". This node's worker: " + s.workerState().toLowerCase(Locale.ROOT)
                + (s.workerDevice() == null ? "" : " on the " + s.workerDevice().toUpperCase(Locale.ROOT))
                + (s.workerError() == null ? "" : " (last problem: " + s.workerError() + ")") + "."));
        return box;
    }
}
