package org.lectern.ui.training;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.lectern.platform.ConflictException;
import org.lectern.platform.InvalidInputException;
import org.lectern.training.QuotaUse;
import org.lectern.training.TrainingDraft;
import org.lectern.training.TrainingEstimate;
import org.lectern.training.TrainingQuota;
import org.lectern.training.TrainingRun;
import org.lectern.training.TrainingService;
import org.lectern.ui.Dates;
import org.lectern.ui.Notifications;

/**
 * The worker time left this week (the student's and their team's), the cost of the run as chosen, and Train, enabled
 * only when the service's estimate says the run fits.
 */
class QuotaPanel extends VerticalLayout {

    private final TrainingService training;
    private final long courseId;
    private final ZoneId zone;
    private final Supplier<TrainingDraft> draft;
    private final Div quotaBox = new Div();
    private final Div estimateBox = new Div();
    private final Button train = new Button("Train");

    QuotaPanel(TrainingService training, long courseId, ZoneId zone, Supplier<TrainingDraft> draft, Consumer<TrainingRun> started) {
        this.training = training;
        this.courseId = courseId;
        this.zone = zone;
        this.draft = draft;
        quotaBox.setId("training-quota");
        estimateBox.setId("training-estimate");
        train.setId("training-start");
        train.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        train.addClickListener(e -> Notifications.call(() -> training.start(courseId, draft.get())).ifPresent(run -> {
            started.accept(run);
            refresh();
        }));
        add(quotaBox, estimateBox, train);
        addClassName("lectern-card");
        setSpacing(false);
    }

    /** The estimate and the quotas for the choices as they stand. */
    void refresh() {
        estimateBox.removeAll();
        estimateBox.getElement().setAttribute("data-allowed", "false");
        try {
            TrainingEstimate e = training.estimate(courseId, draft.get());
            showQuota(e.quota());
            Span cost = new Span("This run: about " + e.estimateSeconds() + " s of worker time · " + String.format(Locale.ROOT, "%,d",
                    e.parameters()) + " parameters · " + e.trainImages() + " training and " + e.validationImages() + " validation images.");
            estimateBox.add(cost);
            if (!e.allowed()) {
                Paragraph refusal = new Paragraph(e.refusal());
                refusal.addClassName("lectern-error-text");
                refusal.setId("training-refusal");
                estimateBox.add(refusal);
            }
            estimateBox.getElement().setAttribute("data-allowed", Boolean.toString(e.allowed()));
            train.setEnabled(e.allowed());
        } catch (InvalidInputException | ConflictException ex) {
            Paragraph problem = new Paragraph(ex.getMessage());
            problem.addClassName("lectern-error-text");
            problem.setId("training-problem");
            estimateBox.add(problem);
            train.setEnabled(false);
        }
    }

    void showQuota(TrainingQuota q) {
        quotaBox.removeAll();
        Span you = new Span("Your worker time this week: " + left(q.student()));
        you.setId("training-quota-student");
        quotaBox.add(you);
        if (q.team() != null) {
            Span team = new Span(" · Team " + q.teamName() + ": " + left(q.team()));
            team.setId("training-quota-team");
            quotaBox.add(team);
        }
        Span renews = new Span(" · renews " + Dates.dateTime(q.renewsAt(), zone));
        renews.addClassName("lectern-muted");
        quotaBox.add(renews);
    }

    private static String left(QuotaUse use) {
        return (long) Math.floor(use.remainingSeconds()) + " s of " + use.limitSeconds() + " s left"
                + (use.heldSeconds() > 0 ? " (" + use.heldSeconds() + " s held by runs in progress)" : "");
    }
}
