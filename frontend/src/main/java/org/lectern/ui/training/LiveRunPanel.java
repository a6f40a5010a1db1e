package org.lectern.ui.training;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.List;
import java.util.Locale;
import org.lectern.course.CourseAccess;
import org.lectern.grading.training.EpochMetrics;
import org.lectern.training.RunState;
import org.lectern.training.TrainingBroadcaster;
import org.lectern.training.TrainingRun;
import org.lectern.training.TrainingRunDetail;
import org.lectern.training.TrainingService;
import org.lectern.ui.Confirm;
import org.lectern.ui.LiveUpdates;
import org.lectern.ui.Notifications;

/**
 * One run, live: its state, progress and the loss and accuracy curves, redrawn as the pool pushes each epoch
 * ({@link TrainingBroadcaster} through {@link LiveUpdates}, as the viewer), with Cancel for its owner and staff.
 * {@code onEnded} runs when a redraw finds the run ended (the page refreshes its list and quotas).
 */
class LiveRunPanel extends VerticalLayout {

    private static final String TRAIN_COLOR = "#1f77b4";
    private static final String VALIDATION_COLOR = "#d62728";

    private final TrainingService training;
    private final CourseAccess.Grant grant;
    private final Runnable onEnded;

    LiveRunPanel(TrainingService training, TrainingBroadcaster broadcaster, CourseAccess.Grant grant, long runId, Runnable onEnded) {
        this.training = training;
        this.grant = grant;
        this.onEnded = onEnded;
        setPadding(false);
        // Follows from when it is attached, in this same round trip; the first read is below.
        LiveUpdates.follow(this, redraw -> broadcaster.subscribe(runId, redraw), () -> redraw(runId));
        redraw(runId);
    }

    private void redraw(long runId) {
        TrainingRunDetail d = training.run(runId);
        draw(d);
        if (!d.run().state().active()) {
            onEnded.run();
        }
    }

    private void draw(TrainingRunDetail d) {
        TrainingRun r = d.run();
        removeAll();
        H3 heading = new H3("Run #" + r.id() + " · " + r.describe());
        heading.setId("training-run-title");
        Span state = new Span(stateText(r));
        state.setId("training-state");
        state.getElement().setAttribute("data-state", r.state().label());
        if (r.state() == RunState.FAILED || r.state() == RunState.DIVERGED || r.state() == RunState.STOPPED) {
            state.addClassName("lectern-error-text");
        }
        ProgressBar bar = new ProgressBar(0, 1, (double) d.epochs().size() / r.epochs());
        bar.setId("training-progress");
        bar.setWidth("16em");
        Span epoch = new Span("epoch " + d.epochs().size() + "/" + r.epochs());
        epoch.setId("training-epoch");
        HorizontalLayout status = new HorizontalLayout(bar, epoch);
        status.setAlignItems(FlexComponent.Alignment.CENTER);
        if (r.state().active() && (grant.isStaff() || r.accountId() == grant.caller().accountId())) {
            Button cancel = new Button("Cancel", e -> Confirm.ask("Cancel this training run?",
                    "The run stops now and cannot be resumed; the worker time it used so far still counts against the quota.",
                    "Cancel the run", () -> {
                        if (Notifications.attempt(() -> training.cancel(r.id()))) {
                            redraw(r.id());
                        }
                    }));
            cancel.setId("training-cancel");
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            status.add(cancel);
        }
        List<Double> trainLoss = d.epochs().stream().map(EpochMetrics::trainLoss).toList();
        List<Double> validationLoss = d.epochs().stream().map(EpochMetrics::validationLoss).toList();
        List<Double> trainAccuracy = d.epochs().stream().map(e -> (Double) e.trainAccuracy()).toList();
        List<Double> validationAccuracy = d.epochs().stream().map(e -> (Double) e.validationAccuracy()).toList();
        Div charts = Figures.chartRow(
                LineChart.of("chart-loss", "Loss (cross-entropy)", r.epochs(), null, false, List.of(
                        new LineChart.Series("training loss", TRAIN_COLOR, false, trainLoss, "series-train"),
                        new LineChart.Series("validation loss", VALIDATION_COLOR, true, validationLoss, "series-validation"))),
                LineChart.of("chart-accuracy", "Accuracy", r.epochs(), 1.0, true, List.of(
                        new LineChart.Series("training accuracy", TRAIN_COLOR, false, trainAccuracy, "series-train"),
                        new LineChart.Series("validation accuracy", VALIDATION_COLOR, true, validationAccuracy, "series-validation"))));
        add(heading, state, status, charts);
        if (grant.isStaff() && r.accountId() != grant.caller().accountId()) {
            Span who = new Span("Started by " + r.studentName());
            who.addClassName("lectern-muted");
            addComponentAtIndex(1, who);
        }
    }

    private String stateText(TrainingRun r) {
        return switch (r.state()) {
            case QUEUED -> "Queued on the worker pool (about " + r.estimateSeconds() + " s of work)…";
            case RUNNING -> r.epochsDone() == 0 ? "Starting a worker…"
                    : "Training on " + r.device() + ": epoch " + r.epochsDone() + " of " + r.epochs() + " done" + lastText(r);
            case DONE -> "Done" + lastText(r) + " · " + charged(r);
            case DIVERGED -> "Diverged: " + r.message() + " · " + charged(r);
            case CANCELLED -> r.message() + " " + charged(r);
            case STOPPED -> r.message() + " " + charged(r);
            case FAILED -> "Failed: " + r.message();
        };
    }

    private static String lastText(TrainingRun r) {
        return r.last() == null ? "" : ": validation accuracy " + Figures.percent(r.last().validationAccuracy()) + ", loss " + Figures.loss(r.last().validationLoss());
    }

    private static String charged(TrainingRun r) {
        return r.chargedSeconds() == null ? "" : String.format(Locale.ROOT, "%.1f s of worker time", r.chargedSeconds());
    }
}
