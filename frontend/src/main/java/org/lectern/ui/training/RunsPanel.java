package org.lectern.ui.training;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongConsumer;
import org.lectern.grading.training.EpochMetrics;
import org.lectern.grading.training.TrainingConfig;
import org.lectern.training.TrainingRun;
import org.lectern.training.TrainingRunDetail;
import org.lectern.training.TrainingService;
import org.lectern.ui.Notifications;

/** The runs the viewer may see (their own and their team's; staff: all), and any of them compared side by side. */
class RunsPanel extends VerticalLayout {

    private final TrainingService training;
    private final long courseId;
    private final Grid<TrainingRun> runs = new Grid<>();
    private final Button compare = new Button("Compare selected runs");
    private final VerticalLayout comparison = new VerticalLayout();
    private final Set<Long> selected = new LinkedHashSet<>();

    RunsPanel(TrainingService training, long courseId, boolean staff, LongConsumer show) {
        this.training = training;
        this.courseId = courseId;
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
        if (staff) {
            runs.addColumn(TrainingRun::studentName).setHeader("Student").setAutoWidth(true);
        }
        runs.addColumn(r -> r.config().architecture().shortLabel()).setHeader("Network").setAutoWidth(true);
        runs.addColumn(r -> r.config().describe()).setHeader("Choices").setFlexGrow(3);
        runs.addColumn(r -> r.state().label()).setHeader("State").setAutoWidth(true);
        runs.addColumn(r -> r.last() == null ? "" : Figures.percent(r.last().validationAccuracy())).setHeader("Val. accuracy").setAutoWidth(true);
        runs.addColumn(r -> r.chargedSeconds() == null ? "~" + r.estimateSeconds() + " s" : String.format(Locale.ROOT, "%.1f s", r.chargedSeconds()))
                .setHeader("Worker time").setAutoWidth(true);
        runs.addComponentColumn(r -> {
            Button open = new Button("Show", e -> show.accept(r.id()));
            open.setId("show-run-" + r.id());
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            return open;
        }).setAutoWidth(true).setFlexGrow(0);
        runs.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        runs.setAllRowsVisible(true);
        compare.setId("training-compare");
        compare.setEnabled(false);
        compare.addClickListener(e -> compareSelected());
        comparison.setPadding(false);
        comparison.setId("training-comparison");
        VerticalLayout list = new VerticalLayout(new H3(staff ? "Runs in this course" : "Your runs and your team's"), runs, compare);
        list.setPadding(false);
        add(list, comparison);
        setPadding(false);
        reload();
    }

    void reload() {
        runs.setItems(training.runs(courseId));
    }

    private void compareSelected() {
        comparison.removeAll();
        List<TrainingRunDetail> details = Notifications.call(() -> training.compare(courseId, new ArrayList<>(selected))).orElse(null);
        if (details == null) {
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
        Div charts = Figures.chartRow(LineChart.of("compare-accuracy", "Validation accuracy", longest, 1.0, true, accuracy),
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
        table.addColumn(d -> last(d) == null ? "" : Figures.loss(last(d).trainLoss())).setHeader("Train loss").setAutoWidth(true);
        table.addColumn(d -> last(d) == null ? "" : Figures.percent(last(d).trainAccuracy())).setHeader("Train acc.").setAutoWidth(true);
        table.addColumn(d -> last(d) == null ? "" : Figures.loss(last(d).validationLoss())).setHeader("Val. loss").setAutoWidth(true);
        table.addColumn(d -> last(d) == null ? "" : Figures.percent(last(d).validationAccuracy())).setHeader("Val. acc.").setAutoWidth(true);
        table.addColumn(d -> d.run().state().label()).setHeader("State").setAutoWidth(true);
        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        table.setItems(details);
        table.setAllRowsVisible(true);
        H3 heading = new H3("Side by side: " + String.join(", ", details.stream().map(d -> "#" + d.run().id()).toList()));
        heading.setId("training-comparison-title");
        comparison.add(heading, charts, table);
    }

    private static EpochMetrics last(TrainingRunDetail d) {
        return d.epochs().isEmpty() ? null : d.epochs().getLast();
    }
}
