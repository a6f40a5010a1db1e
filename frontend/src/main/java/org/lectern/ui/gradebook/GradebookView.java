package org.lectern.ui.gradebook;

import org.lectern.ui.ItemNames;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.lectern.gradebook.Category;
import org.lectern.gradebook.GradeExportService;
import org.lectern.gradebook.GradingScheme;
import org.lectern.gradebook.GradeStatistics;
import org.lectern.gradebook.GradebookRows;
import org.lectern.gradebook.GradebookService;
import org.lectern.gradebook.Rounding;
import org.lectern.gradebook.ScoreEntryService;
import org.lectern.gradebook.ScoreImportService;
import org.lectern.gradebook.ScoreSheet;
import org.lectern.latepolicy.Allocation;
import org.lectern.schedule.ScheduleService;
import org.lectern.latepolicy.LedgerEntry;
import org.lectern.latepolicy.TeamLateRule;
import org.lectern.ui.Form;
import org.lectern.ui.Notifications;
import org.lectern.ui.Uploads;
import org.lectern.ui.course.CourseHeader;
import org.lectern.ui.course.CoursePage;

/**
 * Grades. Staff: every student and item (sortable, filterable, frozen name column), each item's
 * mean, median and histogram, and the exports. Students: their own released scores and their late-day ledger.
 */
@Route("courses/:courseId([0-9]+)/grades")
@PageTitle("Grades · Lectern")
@PermitAll
public class GradebookView extends CoursePage {

    private final GradebookService gradebook;
    private final ScoreEntryService scores;
    private final ScoreImportService imports;
    private final GradeExportService exports;
    private final ScheduleService schedule;
    private String filterText = "";
    private Map<String, ItemNames.Name> names = Map.of();

    /** The one rule for a grade before the term ends, said on both pages so no two students' totals seem to disagree. */
    static final String SO_FAR_RULE = "The grade so far counts only items that have a score (or are missing after their deadline), "
            + "weighted within their categories; items not graded yet count neither way. Extra credit such as participation is "
            + "in progress until the term ends and is added on top.";

    public GradebookView(GradebookService gradebook, ScoreEntryService scores, ScoreImportService imports, GradeExportService exports,
                         ScheduleService schedule) {
        this.schedule = schedule;
        this.gradebook = gradebook;
        this.scores = scores;
        this.imports = imports;
        this.exports = exports;
    }

    @Override
    protected void render() {
        var g = gradebook.gradebook(courseId);
        add(new CourseHeader(g.grant(), CourseHeader.Tab.GRADES));
        names = ItemNames.of(g.itemKeys(), schedule.items(courseId));
        if (g.grant().isStaff()) {
            staff(g);
        } else if (!g.students().isEmpty()) {
            student(g.students().getFirst(), g.policy().scheme(), g.policy().latePolicy().allocation(), g.policy().teamLateRule());
        }
    }

    private void staff(GradebookService.Gradebook g) {
        HorizontalLayout downloads = new HorizontalLayout(
                download("Download CSV", "gradebook-csv", "gradebook.csv", () -> exports.csv(courseId)),
                download("Download for Canvas", "gradebook-canvas", "gradebook-canvas.csv", () -> exports.canvasCsv(courseId)));
        TextField filter = new TextField();
        filter.setPlaceholder("Filter by name, e-mail or section");
        filter.setAriaLabel("Filter by name, e-mail or section");
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setId("gradebook-filter");
        add(downloads, filter);

        Grid<GradebookRows.StudentRow> grid = new Grid<>();
        grid.setId("gradebook");
        grid.addColumn(GradebookRows.StudentRow::name).setHeader("Student").setFrozen(true).setAutoWidth(true).setSortable(true)
                .setComparator(Comparator.comparing(GradebookRows.StudentRow::name, String.CASE_INSENSITIVE_ORDER));
        grid.addColumn(GradebookRows.StudentRow::email).setHeader("E-mail").setAutoWidth(true).setSortable(true);
        grid.addColumn(r -> r.section() == null ? "" : r.section()).setHeader("Section").setAutoWidth(true).setSortable(true);
        Map<Grid.Column<GradebookRows.StudentRow>, String> itemColumns = new HashMap<>();
        for (String key : g.itemKeys()) {
            GradeStatistics graded = GradeStatistics.of(GradeStatistics.scores(g.students(), key));
            String stats = graded.count() == 0 ? "" : " · mean " + fmt(graded.mean()) + " · median " + fmt(graded.median());
            // A client-side template, not a server component per cell: 50,000 cells stay cheap. The template is
            // compiled as JavaScript in the browser, so the item's name travels as a property (Lit escapes it), never
            // inside the template text, where a backquote or ${ in a name would run as code.
            var column = grid.addColumn(LitRenderer.<GradebookRows.StudentRow>of(
                            "<span class=\"score-cell\" data-item=\"${item.itemKey}\">${item.score}</span>")
                            .withProperty("itemKey", r -> key)
                            .withProperty("score", r -> cell(r.items().get(key))))
                    .setHeader(header(key))
                    .setFooter(new Span(graded.count() + " graded" + stats))
                    .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setSortable(true)
                    .setComparator(Comparator.comparing(r -> r.items().get(key).score(), Comparator.nullsFirst(Comparator.naturalOrder())));
            itemColumns.put(column, key);
        }
        // A click on a score cell edits that one score: the quickest path for a TA with one paper in hand.
        grid.addItemClickListener(e -> {
            String key = itemColumns.get(e.getColumn());
            if (key != null) {
                scoreDialog(e.getItem(), key).open();
            }
        });
        grid.addColumn(r -> r.lateDaysUsed() + " / " + (r.lateDaysUsed() + r.lateDaysRemaining())).setHeader("Late days").setAutoWidth(true);
        grid.addColumn(r -> graded(r, g.policy().scheme())).setHeader("Graded items").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(r -> fmt(r.totalPercent())).setHeader("Total so far %").setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setSortable(true)
                .setComparator(Comparator.comparing(GradebookRows.StudentRow::totalPercent, Comparator.nullsFirst(Comparator.naturalOrder())));
        grid.addColumn(r -> r.letter() == null ? "" : r.letter()).setHeader("Letter").setAutoWidth(true).setSortable(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COLUMN_BORDERS);
        grid.setHeight("60vh"); // the grid scrolls inside, so its header row stays put
        ListDataProvider<GradebookRows.StudentRow> data = new ListDataProvider<>(g.students());
        grid.setItems(data);
        filter.addValueChangeListener(e -> {
            filterText = e.getValue();
            String f = e.getValue().toLowerCase();
            data.setFilter(r -> f.isBlank() || r.name().toLowerCase().contains(f) || r.email().contains(f)
                    || (r.section() != null && r.section().toLowerCase().contains(f)));
        });
        filter.setValue(filterText); // a TA entering scores one by one keeps their place across saves
        Paragraph rule = new Paragraph(SO_FAR_RULE);
        rule.setId("grade-rule");
        rule.addClassName("lectern-muted");
        add(grid, rule);

        VerticalLayout stats = new VerticalLayout();
        stats.setPadding(false);
        Select<String> item = new Select<>();
        item.setLabel("Distribution of");
        item.setItems(concat("Total", g.itemKeys()));
        item.setItemLabelGenerator(this::label);
        item.setId("histogram-item");
        Span summary = new Span();
        VerticalLayout chart = new VerticalLayout();
        chart.setPadding(false);
        item.addValueChangeListener(e -> {
            List<BigDecimal> percents = e.getValue().equals("Total") ? GradeStatistics.totalPercents(g.students())
                    : GradeStatistics.percents(g.students(), e.getValue());
            GradeStatistics figures = GradeStatistics.of(percents);
            summary.setText(figures.count() == 0 ? "No scores yet." : org.lectern.ui.Plural.of(figures.count(), "score") + " · mean " + fmt(figures.mean()) + "% · median "
                    + fmt(figures.median()) + "%");
            chart.removeAll();
            chart.add(Histogram.of("histogram", percents));
        });
        item.setValue("Total");
        stats.add(new H3("Distribution"), item, summary, chart);
        add(stats, importScores(), extensionForm(g), overrideForm(g));
    }

    private Dialog scoreDialog(GradebookRows.StudentRow row, String key) {
        GradebookRows.ItemLine line = row.items().get(key);
        Dialog dialog = new Dialog();
        dialog.setId("score-dialog");
        dialog.setHeaderTitle(label(key) + " · " + row.name());
        BigDecimalField score = new BigDecimalField("Score" + (line.max() == null ? "" : " (out of " + fmt(line.max()) + ")"));
        score.setId("score-value");
        score.setValue(line.score());
        Checkbox excused = new Checkbox("Excused");
        excused.setId("score-excused");
        excused.addValueChangeListener(e -> score.setEnabled(!e.getValue()));
        Span note = new Span("Saved scores replace the autograder's for this student; late-day penalties still apply to submissions.");
        note.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        dialog.add(new VerticalLayout(score, excused, note));
        Button save = new Button("Save", e -> {
            if (new Form().field(score, "score").run(() -> scores.enterScore(courseId, key, row.email(), score.getValue(), excused.getValue()))) {
                Notifications.success("Saved " + label(key) + " for " + row.name() + ".");
                dialog.close();
                refresh();
            }
        });
        save.setId("score-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        return dialog;
    }

    private Component importScores() {
        TextArea csv = new TextArea("Scores CSV (Email, then one column per item; EX = excused)");
        csv.setId("scores-csv");
        csv.setWidthFull();
        UI ui = UI.getCurrent();
        Upload upload = Uploads.inMemory(2 * 1024 * 1024, 1, (meta, bytes) -> ui.access(() -> csv.setValue(new String(bytes, StandardCharsets.UTF_8))));
        upload.setAcceptedFileTypes(".csv", "text/csv");
        UnorderedList problems = new UnorderedList();
        problems.setId("scores-problems");
        Span summary = new Span();
        summary.setId("scores-summary");
        Button save = new Button("Save scores");
        save.setEnabled(false);
        // A refused sheet as a whole (too large, no e-mail column, nothing saved) is about the text: said there.
        Form sheet = new Form().field(csv, "csv", "column", "row", "header", "e-mail", "email", "saved", "score");
        Button preview = new Button("Preview", e -> {
            if (sheet.run(() -> {
                var p = imports.previewScores(courseId, csv.getValue());
                problems.removeAll();
                p.fileProblems().forEach(x -> problems.add(new ListItem(x)));
                p.lines().stream().filter(ScoreSheet.Line::bad).forEach(l -> problems.add(
                        new ListItem("Row " + l.rowNumber() + ": " + String.join(" ", l.problems()))));
                p.notes().forEach(x -> problems.add(new ListItem(x)));
                summary.setText(p.hasErrors() ? "Fix the rows above; nothing has been saved." : "Ready: " + org.lectern.ui.Plural.of(p.cellCount(), "score") + " for "
                        + org.lectern.ui.Plural.of(p.lines().size(), "student") + ".");
                save.setEnabled(!p.hasErrors());
            })) {
                return;
            }
        });
        csv.addValueChangeListener(e -> save.setEnabled(false));
        save.addClickListener(e -> {
            if (sheet.run(() -> imports.importScores(courseId, csv.getValue()))) {
                Notifications.success("Scores saved.");
                refresh();
            }
        });
        VerticalLayout body = new VerticalLayout(upload, csv, new HorizontalLayout(preview, save), summary, problems);
        body.setPadding(false);
        return new Details(new Span("Enter or import scores"), body);
    }

    private Component extensionForm(GradebookService.Gradebook g) {
        Select<String> item = new Select<>();
        item.setLabel("Item");
        item.setItems(g.itemKeys());
        item.setItemLabelGenerator(this::label);
        TextField student = new TextField("Student e-mail");
        IntegerField days = new IntegerField("Extra days");
        TextField reason = new TextField("Reason (audited)");
        Form form = new Form().field(reason, "reason").field(days, "days").field(item, "item").field(student, "student", "e-mail", "@");
        Button grant = new Button("Grant extension", e -> {
            if (form.run(() -> scores.grantExtension(courseId, item.getValue(), student.getValue(), null,
                    days.getValue(), reason.getValue()))) {
                Notifications.success("Extension granted.");
                refresh();
            }
        });
        HorizontalLayout row = new HorizontalLayout(item, student, days, reason, grant);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("flex-wrap", "wrap");
        return new Details(new Span("Grant an extension"), row);
    }

    private Component overrideForm(GradebookService.Gradebook g) {
        if (!g.grant().isInstructor()) {
            return new Span();
        }
        Select<String> item = new Select<>();
        item.setLabel("Item");
        item.setItems(g.itemKeys());
        item.setItemLabelGenerator(this::label);
        TextField student = new TextField("Student e-mail");
        BigDecimalField score = new BigDecimalField("Score");
        TextField reason = new TextField("Reason (audited)");
        Form form = new Form().field(reason, "reason").field(score, "score").field(item, "item").field(student, "student", "e-mail", "@");
        Button set = new Button("Override", e -> {
            if (form.run(() -> scores.override(courseId, item.getValue(), student.getValue(), score.getValue(),
                    reason.getValue()))) {
                Notifications.success("Override saved.");
                refresh();
            }
        });
        HorizontalLayout row = new HorizontalLayout(item, student, score, reason, set);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("flex-wrap", "wrap");
        return new Details(new Span("Override a score"), row);
    }

    private void student(GradebookRows.StudentRow r, GradingScheme scheme, Allocation allocation,
                         TeamLateRule teamRule) {
        long graded = graded(r, scheme);
        Span total = new Span(r.totalPercent() == null || graded == 0
                ? "Nothing graded yet: your grade so far appears here once a first graded item has a score."
                : "Grade so far: " + fmt(r.totalPercent()) + "%" + (r.letter() == null ? "" : " (" + r.letter() + ")") + ", from "
                        + org.lectern.ui.Plural.of(graded, "graded item") + ".");
        total.setId("my-total");
        Paragraph rule = new Paragraph(SO_FAR_RULE);
        rule.setId("grade-rule");
        rule.addClassName("lectern-muted");
        Span days = new Span("Late days: " + r.lateDaysUsed() + " used, " + r.lateDaysRemaining() + " left.");
        days.setId("late-days-left");
        add(total, rule, days);
        Grid<GradebookRows.ItemLine> items = new Grid<>();
        items.setId("my-grades");
        items.addColumn(l -> names.getOrDefault(l.key(), ItemNames.fallback(l.key())).title()).setHeader("Item").setAutoWidth(true)
                .setFlexGrow(1);
        items.addColumn(l -> myScore(l, inProgress(scheme, l.key())) + (notCounted(scheme, l.key()) ? " (not counted)" : ""))
                .setHeader("Score").setAutoWidth(true);
        items.addColumn(l -> l.lateDays() == 0 ? "" : l.lateDays() + " late" + (l.penaltyPercent().signum() > 0 ? ", −" + fmt(l.penaltyPercent()) + "%" : ""))
                .setHeader("Late").setAutoWidth(true);
        items.addColumn(l -> l.dropped() ? "dropped" : l.overrideReason() != null ? "set by staff: " + l.overrideReason() : "").setHeader("");
        // Every item of the course, so nothing graded is left out and nothing ungraded looks like a zero; practice that
        // counts for nothing only once the student has a score on it (seventeen untouched exercises would bury the rest).
        items.setItems(r.items().values().stream().filter(l -> l.score() != null || !notCounted(scheme, l.key())).toList());
        items.setAllRowsVisible(true);
        add(items, new H3("Late-day ledger"));
        Grid<LedgerEntry> ledger = new Grid<>();
        ledger.setId("ledger");
        ledger.addColumn(e -> label(e.key())).setHeader("Item").setAutoWidth(true);
        ledger.addColumn(e -> GradesFormat.when(e.dueAt())).setHeader("Due").setAutoWidth(true);
        ledger.addColumn(e -> e.status().name().toLowerCase().replace('_', ' ')).setHeader("Status").setAutoWidth(true);
        ledger.addColumn(LedgerEntry::daysLate).setHeader("Days late").setAutoWidth(true);
        ledger.addColumn(LedgerEntry::freeDaysApplied).setHeader("Free days used").setAutoWidth(true);
        ledger.addColumn(e -> e.penaltyPercent().signum() == 0 ? "" : "−" + fmt(e.penaltyPercent()) + "%").setHeader("Penalty").setAutoWidth(true);
        ledger.addColumn(e -> e.extension() == null ? "" : "extension: " + e.extension().reason()).setHeader("");
        ledger.setItems(r.ledger());
        ledger.setAllRowsVisible(true);
        Paragraph rules = new Paragraph(allocation.explanation() + " " + teamRule.explanation() + " Staff can grant extensions.");
        rules.setId("late-day-rules");
        add(ledger, rules);
    }

    private Component header(String key) {
        ItemNames.Name name = names.getOrDefault(key, ItemNames.fallback(key));
        Span header = new Span(name.label());
        header.setTitle(name.title());
        header.getElement().setAttribute("data-item", key);
        return header;
    }

    private String label(String key) {
        return key.equals("Total") ? key : names.getOrDefault(key, ItemNames.fallback(key)).label();
    }

    /**
     * Items that count in the grade so far: scored, or missing and counted; extra credit is in progress, not graded;
     * items worth nothing (practice without a category) show their score but are not graded items.
     */
    static long graded(GradebookRows.StudentRow r, GradingScheme scheme) {
        return r.items().values().stream().filter(l -> !inProgress(scheme, l.key()) && !notCounted(scheme, l.key()))
                .filter(l -> l.score() != null || l.status().equals("missing_counted_as_zero")).count();
    }

    static boolean notCounted(GradingScheme scheme, String key) {
        return scheme.categoryOf(key).map(Category::worthNothing).orElse(false);
    }

    static boolean inProgress(GradingScheme scheme, String key) {
        return scheme.categoryOf(key).map(Category::extraCredit).orElse(false);
    }

    static String myScore(GradebookRows.ItemLine l, boolean inProgress) {
        if (inProgress) {
            return l.score() == null ? "in progress" : fmt(l.score()) + " / " + fmt(l.max()) + " so far (in progress)";
        }
        if (l.score() != null) {
            return fmt(l.score()) + " / " + fmt(l.max());
        }
        return l.status().startsWith("missing") ? "missing" : l.status().equals("excused") ? "excused" : "not graded yet";
    }

    /** Item keys are short names staff type; keep them inert inside the template's attribute. */
    private static String cell(GradebookRows.ItemLine l) {
        if (l == null || l.score() == null) {
            return "";
        }
        return fmt(l.score()) + (l.lateDays() > 0 ? " (" + l.lateDays() + "d)" : "") + (l.dropped() ? " ✕" : "");
    }

    private Anchor download(String text, String id, String file, Supplier<String> content) {
        Anchor a = new Anchor(DownloadHandler.fromInputStream(e -> new DownloadResponse(
                new ByteArrayInputStream(content.get().getBytes(StandardCharsets.UTF_8)), file, "text/csv", -1)), text);
        a.getElement().setAttribute("download", true);
        a.setId(id);
        return a;
    }

    static String fmt(BigDecimal b) {
        return b == null ? "–" : Rounding.forDisplay(b).stripTrailingZeros().toPlainString();
    }

    private static List<String> concat(String first, List<String> rest) {
        var l = new ArrayList<String>();
        l.add(first);
        l.addAll(rest);
        return l;
    }
}
