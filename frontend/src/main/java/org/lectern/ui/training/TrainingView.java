package org.lectern.ui.training;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.lectern.course.CourseAccess;
import org.lectern.course.CourseService;
import org.lectern.grading.training.TrainingDataset;
import org.lectern.grading.training.TrainingPreset;
import org.lectern.project.TeamService;
import org.lectern.training.TrainingBroadcaster;
import org.lectern.training.TrainingRun;
import org.lectern.training.TrainingService;
import org.lectern.ui.Notifications;
import org.lectern.ui.course.CourseHeader;
import org.lectern.ui.course.CoursePage;

/**
 * The training playground: pick a network and its hyperparameters (or a step of the course's recipe), see the run's cost
 * and the worker time left before pressing Train, watch the loss and accuracy curves arrive epoch by epoch (pushed as the
 * pool trains), cancel, and compare runs side by side. Students see their own runs and their team's; staff see all.
 * The page only places its panels: {@link TrainingForm}, {@link QuotaPanel}, {@link LiveRunPanel}, {@link RunsPanel},
 * and for instructors {@link QuotaSettingsPanel}.
 */
@Route("courses/:courseId([0-9]+)/training")
@PageTitle("Training playground · Lectern")
@PermitAll
public class TrainingView extends CoursePage {

    private final TrainingService training;
    private final CourseService courses;
    private final TrainingBroadcaster broadcaster;
    private final TeamService teams;

    // Made afresh by each render, so that listeners are never added twice.
    private CourseAccess.Grant grant;
    private QuotaPanel quota;
    private VerticalLayout live;
    private RunsPanel runs;

    public TrainingView(TrainingService training, CourseService courses, TrainingBroadcaster broadcaster, TeamService teams) {
        this.teams = teams;
        this.training = training;
        this.courses = courses;
        this.broadcaster = broadcaster;
    }

    @Override
    protected void render() {
        grant = courses.open(courseId);
        add(new CourseHeader(grant, CourseHeader.Tab.PLAYGROUND));
        H2 title = new H2("Training playground");
        title.setId("training-title");
        add(title);
        List<TrainingDataset> datasets = training.datasets(courseId);
        if (datasets.isEmpty()) {
            Paragraph none = new Paragraph("This course offers no training dataset yet.");
            none.setId("training-no-dataset");
            add(none);
            if (grant.isInstructor()) {
                Button offer = new Button("Offer the handwritten digits (8×8)", e -> {
                    if (Notifications.attempt(() -> training.addDataset(courseId, TrainingDataset.DIGITS.key()))) {
                        refresh();
                    }
                });
                offer.setId("training-offer-digits");
                add(offer);
            }
            return;
        }
        TrainingDataset dataset = datasets.getFirst();
        Paragraph about = new Paragraph(dataset.description() + ". Every run trains on the same " + dataset.trainImages()
                + " images and validates on the other " + dataset.validationImages() + " (a fixed split, a fifth of each digit), so"
                + " curves compare across runs. A model assignment's hidden test data is never used here.");
        about.addClassName("lectern-muted");
        // The form reports each change to the quota panel, which reads the form's choices; the form's first change is
        // the preset filled below, once both exist.
        TrainingForm form = new TrainingForm(dataset, training.presets(courseId), () -> quota.refresh());
        quota = new QuotaPanel(training, courseId, grant.course().timeZone(), form::draft, this::started);
        live = new VerticalLayout();
        live.setPadding(false);
        live.setId("training-live");
        runs = new RunsPanel(training, courseId, grant.isStaff(), this::show);
        add(about, form, quota, live, runs);
        if (grant.isInstructor()) {
            add(new QuotaSettingsPanel(training, teams, courseId, grant.course().timeZone(), () -> quota.refresh()));
        }
        form.fill(TrainingPreset.COARSE_SEARCH);
        quota.showQuota(training.quota(courseId));
        List<TrainingRun> mine = training.runs(courseId).stream().filter(r -> r.accountId() == grant.caller().accountId()).toList();
        if (!mine.isEmpty()) {
            show(mine.stream().filter(r -> r.state().active()).findFirst().orElse(mine.getFirst()).id());
        }
    }

    private void started(TrainingRun run) {
        runs.reload();
        show(run.id());
    }

    /** Shows one run in the live panel, which follows it as the pool pushes its changes. */
    private void show(long runId) {
        live.removeAll();
        live.add(new LiveRunPanel(training, broadcaster, grant, runId, () -> {
            runs.reload();
            quota.refresh();
        }));
    }
}
