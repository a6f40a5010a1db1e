package org.lectern.ui.training;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lectern.course.CourseAccess;
import org.lectern.course.CourseService;
import org.lectern.grading.training.Architecture;
import org.lectern.grading.training.EpochMetrics;
import org.lectern.grading.training.OptimizerKind;
import org.lectern.grading.training.TrainingConfig;
import org.lectern.grading.training.TrainingDataset;
import org.lectern.grading.training.TrainingPreset;
import org.lectern.platform.Broadcaster;
import org.lectern.platform.ConflictException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.project.TeamService;
import org.lectern.training.QuotaUse;
import org.lectern.training.RunState;
import org.lectern.training.TrainingBroadcaster;
import org.lectern.training.TrainingDraft;
import org.lectern.training.TrainingEstimate;
import org.lectern.training.TrainingQuota;
import org.lectern.training.TrainingRun;
import org.lectern.training.TrainingRunDetail;
import org.lectern.training.TrainingService;
import org.lectern.training.TrainingSettings;
import org.lectern.ui.Notifications;
import org.lectern.ui.course.CourseHeader;
import org.lectern.ui.course.CoursePage;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The training playground: pick a network and its hyperparameters (or a step of the course's recipe), see the run's cost
 * and the worker time left before pressing Train, watch the loss and accuracy curves arrive epoch by epoch (pushed as the
 * pool trains), cancel, and compare runs side by side. Students see their own runs and their team's; staff see all.
 */
@Route("courses/:courseId([0-9]+)/training")
@PageTitle("Training playground · Lectern")
@PermitAll
public class TrainingView extends CoursePage {

    private final TrainingService training;
    private final CourseService courses;
    private final TrainingBroadcaster broadcaster;
    private final TeamService teams;

    private CourseAccess.Grant grant;
    private ZoneId zone;
    private TrainingDataset dataset;
    // Made afresh by each render, so that listeners are never added twice.
    private Select<Architecture> architecture;
    private Select<OptimizerKind> optimizer;
    private NumberField learningRate;
    private IntegerField batchSize;
    private NumberField weightDecay;
    private IntegerField epochs;
    private IntegerField seed;
    private Paragraph advice;
    private Div quotaBox;
    private Div estimateBox;
    private Button train;
    private VerticalLayout live;
    private Grid<TrainingRun> runs;
    private Button compare;
    private VerticalLayout comparison;
    private final Set<Long> selected = new LinkedHashSet<>();
    private boolean filling;

    public TrainingView(TrainingService training, CourseService courses, TrainingBroadcaster broadcaster, TeamService teams) {
        this.teams = teams;
        this.training = training;
        this.courses = courses;
        this.broadcaster = broadcaster;
    }

    @Override
    protected void render() {
        selected.clear();
        grant = courses.open(courseId);
        zone = grant.course().timeZone();
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
        dataset = datasets.getFirst();
        architecture = new Select<>();
        optimizer = new Select<>();
        learningRate = new NumberField("Learning rate");
        batchSize = new IntegerField("Batch size");
        weightDecay = new NumberField("Weight decay (L2)");
        epochs = new IntegerField("Epochs");
        seed = new IntegerField("Seed");
        advice = new Paragraph();
        quotaBox = new Div();
        estimateBox = new Div();
        train = new Button("Train");
        live = new VerticalLayout();
        runs = new Grid<>();
        compare = new Button("Compare selected runs");
        comparison = new VerticalLayout();
        Paragraph about = new Paragraph(dataset.description() + ". Every run trains on the same " + dataset.trainImages()
                + " images and validates on the other " + dataset.validationImages() + " (a fixed split, a fifth of each digit), so"
                + " curves compare across runs. A model assignment's hidden test data is never used here.");
        about.addClassName("lectern-muted");
        add(about, form(), quotaRow(), live, runsSection(), comparison);
        if (grant.isInstructor()) {
            add(quotasForInstructors());
        }
        live.setPadding(false);
        live.setId("training-live");
        comparison.setPadding(false);
        comparison.setId("training-comparison");
        fill(TrainingPreset.COARSE_SEARCH);
        showQuota(training.quota(courseId));
        reloadRuns();
        List<TrainingRun> mine = training.runs(courseId).stream().filter(r -> r.accountId() == grant.caller().accountId()).toList();
        if (!mine.isEmpty()) {
            show(mine.stream().filter(r -> r.state().active()).findFirst().orElse(mine.getFirst()).id());
        }
    }

    // ------------------------------------------------------------------ the form

    private Component form() {
        HorizontalLayout presets = new HorizontalLayout();
        presets.setWrap(true);
        presets.add(new Span("Recipe:"));
        for (TrainingPreset p : training.presets(courseId)) {
            Button b = new Button(p.title(), e -> fill(p));
            b.setId("preset-" + p.key());
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
            b.setTooltipText(p.advice());
            presets.add(b);
        }
        presets.setAlignItems(FlexComponent.Alignment.CENTER);
        advice.setId("training-advice");
        advice.addClassName("lectern-muted");

        architecture.setId("training-architecture");
        architecture.setLabel("Network");
        architecture.setItems(Architecture.all());
        architecture.setItemLabelGenerator(a -> a.label() + " · " + String.format(Locale.ROOT, "%,d", dataset.parameters(a)) + " parameters");
        optimizer.setId("training-optimizer");
        optimizer.setLabel("Optimizer");
        optimizer.setItems(OptimizerKind.values());
        optimizer.setItemLabelGenerator(OptimizerKind::label);
        learningRate.setId("training-lr");
        learningRate.setHelperText("greater than 0, at most " + TrainingConfig.number(TrainingConfig.MAX_LEARNING_RATE) + "; try 1e-1 to 1e-4");
        batchSize.setId("training-batch");
        batchSize.setHelperText("1 to " + TrainingConfig.MAX_BATCH_SIZE);
        weightDecay.setId("training-wd");
        weightDecay.setHelperText("0 to " + TrainingConfig.number(TrainingConfig.MAX_WEIGHT_DECAY) + "; 1e-4, 1e-5 or 0 are usual");
        epochs.setId("training-epochs");
        epochs.setHelperText("1 to " + TrainingConfig.MAX_EPOCHS);
        seed.setId("training-seed");
        seed.setHelperText("the same seed and choices give the same curves");
        architecture.addValueChangeListener(e -> changed());
        optimizer.addValueChangeListener(e -> changed());
        learningRate.addValueChangeListener(e -> changed());
        batchSize.addValueChangeListener(e -> changed());
        weightDecay.addValueChangeListener(e -> changed());
        epochs.addValueChangeListener(e -> changed());
        seed.addValueChangeListener(e -> changed());

        FormLayout form = new FormLayout(architecture, optimizer, learningRate, batchSize, weightDecay, epochs, seed);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2),
                new FormLayout.ResponsiveStep("70em", 4));
        form.setColspan(architecture, 2);
        VerticalLayout v = new VerticalLayout(presets, advice, form);
        v.setPadding(false);
        v.setSpacing(false);
        return v;
    }

    private void fill(TrainingPreset preset) {
        filling = true;
        TrainingConfig c = preset.config();
        architecture.setValue(c.architecture());
        optimizer.setValue(c.optimizer());
        learningRate.setValue(c.learningRate());
        batchSize.setValue(c.batchSize());
        weightDecay.setValue(c.weightDecay());
        epochs.setValue(c.epochs());
        seed.setValue((int) c.seed());
        filling = false;
        advice.setText(preset.title() + ": " + preset.advice());
        changed();
    }

    private TrainingDraft draft() {
        return new TrainingDraft(dataset.key(), architecture.getValue() == null ? null : architecture.getValue().key(),
                optimizer.getValue() == null ? null : optimizer.getValue().key(), learningRate.getValue(), batchSize.getValue(),
                weightDecay.getValue(), epochs.getValue(), seed.getValue() == null ? null : seed.getValue().longValue());
    }

    /** The estimate and the quotas for the choices as they stand: shown before Train, which is enabled only when the run fits. */
    private void changed() {
        if (filling) {
            return;
        }
        estimateBox.removeAll();
        estimateBox.getElement().setAttribute("data-allowed", "false");
        try {
            TrainingEstimate e = training.estimate(courseId, draft());
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

    private Component quotaRow() {
        quotaBox.setId("training-quota");
        estimateBox.setId("training-estimate");
        train.setId("training-start");
        train.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        train.addClickListener(e -> {
            TrainingRun[] started = new TrainingRun[1];
            if (Notifications.attempt(() -> started[0] = training.start(courseId, draft()))) {
                reloadRuns();
                show(started[0].id());
                changed();
            }
        });
        VerticalLayout box = new VerticalLayout(quotaBox, estimateBox, train);
        box.addClassName("lectern-card");
        box.setSpacing(false);
        return box;
    }

    private void showQuota(TrainingQuota q) {
        quotaBox.removeAll();
        Span you = new Span("Your worker time this week: " + left(q.student()));
        you.setId("training-quota-student");
        quotaBox.add(you);
        if (q.team() != null) {
            Span team = new Span(" · Team " + q.teamName() + ": " + left(q.team()));
            team.setId("training-quota-team");
            quotaBox.add(team);
        }
        Span renews = new Span(" · renews " + org.lectern.ui.Dates.dateTime(q.renewsAt(), zone));
        renews.addClassName("lectern-muted");
        quotaBox.add(renews);
    }

    private static String left(QuotaUse use) {
        return (long) Math.floor(use.remainingSeconds()) + " s of " + use.limitSeconds() + " s left"
                + (use.heldSeconds() > 0 ? " (" + use.heldSeconds() + " s held by runs in progress)" : "");
    }

    /** Instructors: the week's worker time per student and per team, and the team size. */
    private Component quotasForInstructors() {
        TrainingSettings current = training.settings(courseId);
        IntegerField perStudent = new IntegerField("Seconds per student per week");
        perStudent.setId("training-quota-per-student");
        perStudent.setValue(current.studentSecondsPerWeek());
        IntegerField perTeam = new IntegerField("Seconds per team per week");
        perTeam.setId("training-quota-per-team");
        perTeam.setValue(current.teamSecondsPerWeek());
        IntegerField teamSize = new IntegerField("Students per team");
        teamSize.setId("training-team-size");
        teamSize.setValue(teams.maxTeamSize(courseId));
        Button save = new Button("Save quotas", e -> {
            if (perStudent.getValue() == null || perTeam.getValue() == null || teamSize.getValue() == null) {
                Notifications.error("Fill in all three numbers.");
                return;
            }
            if (Notifications.attempt(() -> {
                training.updateSettings(courseId, new TrainingSettings(perStudent.getValue(), perTeam.getValue()));
                teams.setMaxTeamSize(courseId, teamSize.getValue());
            })) {
                Notifications.success("Saved.");
                changed();
            }
        });
        save.setId("training-quota-save");
        Paragraph how = new Paragraph("Runs are charged the worker time they used; a run starts only when its estimate fits what the student"
                + " and their team have left this week, and it is stopped where that ends. Weeks start on Monday at 00:00, "
                + zone.getId() + ". Teams are made by staff over the API (POST /api/v1/courses/" + courseId + "/teams).");
        how.addClassName("lectern-muted");
        FormLayout form = new FormLayout(perStudent, perTeam, teamSize);
        VerticalLayout v = new VerticalLayout(new H3("Quotas (instructors)"), how, form, save);
        v.setPadding(false);
        return v;
    }

    // ------------------------------------------------------------------ the live run

    /** Shows one run in the live panel, which follows it as the pool pushes its changes. */
    private void show(long runId) {
        live.removeAll();
        live.add(new LiveRunPanel(training, broadcaster, grant, runId, () -> {
            reloadRuns();
            changed();
        }));
    }

    // ------------------------------------------------------------------ the runs and comparisons

    private Component runsSection() {
        runs.setId("training-runs");
        runs.addComponentColumn(r -> {
            Checkbox box = new Checkbox(selected.contains(r.id()));
            box.setId("compare-run-" + r.id());
            box.setAriaLabel("compare run " + r.id());
            box.addValueChangeListener(e -> {
                if (e.getValue()) {
                    selected.add(r.id());
                } else {
                    selected.remove(r.id());
                }
                compare.setEnabled(selected.size() >= 2);
            });
            return box;
        }).setHeader("Compare").setAutoWidth(true).setFlexGrow(0);
        runs.addColumn(r -> "#" + r.id()).setHeader("Run").setAutoWidth(true).setFlexGrow(0);
        if (grant.isStaff()) {
            runs.addColumn(TrainingRun::studentName).setHeader("Student").setAutoWidth(true);
        }
        runs.addColumn(r -> r.config().architecture().shortLabel()).setHeader("Network").setAutoWidth(true);
        runs.addColumn(r -> r.config().describe()).setHeader("Choices").setFlexGrow(3);
        runs.addColumn(r -> r.state().label()).setHeader("State").setAutoWidth(true);
        runs.addColumn(r -> r.last() == null ? "" : percent(r.last().validationAccuracy())).setHeader("Val. accuracy").setAutoWidth(true);
        runs.addColumn(r -> r.chargedSeconds() == null ? "~" + r.estimateSeconds() + " s" : String.format(Locale.ROOT, "%.1f s", r.chargedSeconds()))
                .setHeader("Worker time").setAutoWidth(true);
        runs.addComponentColumn(r -> {
            Button open = new Button("Show", e -> show(r.id()));
            open.setId("show-run-" + r.id());
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            return open;
        }).setAutoWidth(true).setFlexGrow(0);
        runs.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        runs.setAllRowsVisible(true);
        compare.setId("training-compare");
        compare.setEnabled(false);
        compare.addClickListener(e -> compareSelected());
        VerticalLayout v = new VerticalLayout(new H3(grant.isStaff() ? "Runs in this course" : "Your runs and your team's"), runs, compare);
        v.setPadding(false);
        return v;
    }

    private void reloadRuns() {
        runs.setItems(training.runs(courseId));
    }

    private void compareSelected() {
        comparison.removeAll();
        List<TrainingRunDetail> details;
        try {
            details = training.compare(courseId, new ArrayList<>(selected));
        } catch (InvalidInputException | NotFoundException e) {
            Notifications.error(e.getMessage());
            return;
        }
        int longest = details.stream().mapToInt(d -> d.run().epochs()).max().orElse(1);
        List<LineChart.Series> accuracy = new ArrayList<>();
        List<LineChart.Series> loss = new ArrayList<>();
        for (int i = 0; i < details.size(); i++) {
            TrainingRunDetail d = details.get(i);
            String color = LineChart.COLORS.get(i % LineChart.COLORS.size());
            String label = "#" + d.run().id() + " " + d.run().config().architecture().shortLabel();
            accuracy.add(new LineChart.Series(label, color, false,
                    d.epochs().stream().map(e -> (Double) e.validationAccuracy()).toList(), "series-run-" + d.run().id()));
            loss.add(new LineChart.Series(label, color, false, d.epochs().stream().map(EpochMetrics::validationLoss).toList(),
                    "series-run-" + d.run().id()));
        }
        Div charts = chartRow(LineChart.of("compare-accuracy", "Validation accuracy", longest, 1.0, true, accuracy),
                LineChart.of("compare-loss", "Validation loss", longest, null, false, loss));

        Grid<TrainingRunDetail> table = new Grid<>();
        table.setId("training-comparison-table");
        table.addColumn(d -> "#" + d.run().id()).setHeader("Run").setAutoWidth(true);
        table.addColumn(d -> d.run().config().architecture().shortLabel()).setHeader("Network").setAutoWidth(true);
        table.addColumn(d -> d.run().parameters() == null ? "" : String.format(Locale.ROOT, "%,d", d.run().parameters())).setHeader("Parameters").setAutoWidth(true);
        table.addColumn(d -> d.run().config().optimizer().label().replaceFirst(" \\(.*", "")).setHeader("Optimizer").setAutoWidth(true);
        table.addColumn(d -> TrainingConfig.number(d.run().learningRate())).setHeader("LR").setAutoWidth(true);
        table.addColumn(d -> d.run().batchSize()).setHeader("Batch").setAutoWidth(true);
        table.addColumn(d -> TrainingConfig.number(d.run().weightDecay())).setHeader("Weight decay").setAutoWidth(true);
        table.addColumn(d -> d.epochs().size() + "/" + d.run().epochs()).setHeader("Epochs").setAutoWidth(true);
        table.addColumn(d -> d.run().seed()).setHeader("Seed").setAutoWidth(true);
        table.addColumn(d -> last(d) == null ? "" : loss(last(d).trainLoss())).setHeader("Train loss").setAutoWidth(true);
        table.addColumn(d -> last(d) == null ? "" : percent(last(d).trainAccuracy())).setHeader("Train acc.").setAutoWidth(true);
        table.addColumn(d -> last(d) == null ? "" : loss(last(d).validationLoss())).setHeader("Val. loss").setAutoWidth(true);
        table.addColumn(d -> last(d) == null ? "" : percent(last(d).validationAccuracy())).setHeader("Val. acc.").setAutoWidth(true);
        table.addColumn(d -> d.run().state().label()).setHeader("State").setAutoWidth(true);
        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        table.setItems(details);
        table.setAllRowsVisible(true);
        H3 heading = new H3("Side by side: " + String.join(", ", details.stream().map(d -> "#" + d.run().id()).toList()));
        heading.setId("training-comparison-title");
        comparison.add(heading, charts, table);
    }

    /** Charts side by side, wrapping on narrow screens. */
    static Div chartRow(Component... charts) {
        Div row = new Div(charts);
        row.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-l)").set("width", "100%");
        return row;
    }

    private static EpochMetrics last(TrainingRunDetail d) {
        return d.epochs().isEmpty() ? null : d.epochs().getLast();
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    static String loss(Double loss) {
        return loss == null ? "NaN" : String.format(Locale.ROOT, "%.3f", loss);
    }
}
