package org.lectern.ui.plagiarism;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import org.lectern.course.CourseService;
import org.lectern.plagiarism.CorpusKind;
import org.lectern.plagiarism.IntegrityCase;
import org.lectern.plagiarism.PairSummary;
import org.lectern.plagiarism.PlagiarismCheckRun;
import org.lectern.plagiarism.PlagiarismResults;
import org.lectern.plagiarism.PlagiarismBroadcaster;
import org.lectern.plagiarism.PlagiarismService;
import org.lectern.ui.LiveUpdates;
import org.lectern.ui.Notifications;
import org.lectern.ui.Uploads;
import org.lectern.ui.course.CourseHeader;
import org.lectern.ui.course.CourseItemPage;

/**
 * Staff only: an assignment's plagiarism check. Run it and watch its progress, then the pairs ranked by similarity,
 * clusters, files that did not parse, the report zip, the reference corpus, and the cases opened so far.
 */
@Route("courses/:courseId([0-9]+)/assignments/:assignmentId([0-9]+)/plagiarism")
@PageTitle("Plagiarism · Lectern")
@PermitAll
public class PlagiarismView extends CourseItemPage {

    private final PlagiarismService plagiarism;
    private final CourseService courses;
    private final PlagiarismBroadcaster broadcaster;

    public PlagiarismView(PlagiarismService plagiarism, CourseService courses, PlagiarismBroadcaster broadcaster) {
        super("assignmentId", "assignment");
        this.broadcaster = broadcaster;
        this.plagiarism = plagiarism;
        this.courses = courses;
    }

    @Override
    protected void render() {
        PlagiarismResults r = plagiarism.results(itemId); // staff only: students end on the access-denied page
        requireInCourse(r.courseId());
        add(new CourseHeader(courses.open(courseId), CourseHeader.Tab.ASSIGNMENTS));
        H2 title = new H2(r.assignmentName() + " · plagiarism check");
        title.setId("plagiarism-title");
        Anchor back = new Anchor("courses/" + courseId + "/assignments/" + itemId, "Back to the assignment");
        add(title, back, new Paragraph("Staff only. Students never see checks, pairs or cases."));
        if (r.baseCodeWarning() != null) {
            add(BaseCodeWarning.of(r.baseCodeWarning()));
        }
        add(checkBox(r));
        if (!r.problems().isEmpty()) {
            add(problems(r));
        }
        add(pairs(r), clusters(r), cases(r), corpus(r));
    }

    /** JPlag's own viewer, served by Lectern, on the latest check's report (staff only, like this page). */
    static Anchor viewerLink(long assignmentId) {
        Anchor viewer = new Anchor(JplagViewer.openUrl(assignmentId), "Open in JPlag's viewer");
        viewer.setRouterIgnore(true); // a page of its own, not a Vaadin route
        viewer.setId("plagiarism-viewer");
        return viewer;
    }

    private Component checkBox(PlagiarismResults r) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        Button run = new Button("Run check", e -> {
            if (Notifications.attempt(() -> plagiarism.runCheck(itemId))) {
                refresh();
            }
        });
        run.setId("plagiarism-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ProgressBar bar = new ProgressBar();
        bar.setId("plagiarism-progress");
        bar.setWidth("min(24em, 80vw)"); // fits a phone
        Span state = new Span();
        state.setId("plagiarism-state");
        Paragraph outcome = new Paragraph();
        outcome.setId("plagiarism-outcome");
        box.add(new HorizontalLayout(run, bar, state), outcome);
        PlagiarismCheckRun latest = r.latest().orElse(null);
        show(latest, bar, state, outcome, run);
        if (latest != null && latest.state().finished() && latest.hasReport()) {
            Anchor report = new Anchor(DownloadHandler.fromInputStream(ev -> new DownloadResponse(
                    new ByteArrayInputStream(plagiarism.report(itemId)), "plagiarism-report-" + itemId + ".zip",
                    "application/zip", -1)), "Download the JPlag report (zip)");
            report.getElement().setAttribute("download", true);
            report.setId("plagiarism-report");
            box.add(new Span(viewerLink(itemId), new Span(" · "), report));
        }
        // Pushed by the pool as the check moves on; a check that ends (or a new one that ends) redraws its results.
        LiveUpdates.follow(box, redraw -> broadcaster.assignment(itemId, redraw), () -> {
            PlagiarismCheckRun now = plagiarism.latestCheck(itemId).orElse(null);
            boolean ended = now != null && now.finished() && (latest == null || latest.id() != now.id() || !latest.finished());
            if (ended) {
                refresh();
            } else {
                show(now, bar, state, outcome, run);
            }
        });
        return box;
    }

    private static void show(PlagiarismCheckRun c, ProgressBar bar, Span state, Paragraph outcome, Button run) {
        if (c == null) {
            bar.setValue(0);
            state.setText("No check has run yet. One runs by itself after the deadline.");
            state.getElement().setAttribute("data-state", "none");
            outcome.setText("");
            return;
        }
        state.getElement().setAttribute("data-state", c.state().name().toLowerCase(Locale.ROOT));
        bar.setValue(Math.clamp(c.progress(), 0, 1));
        run.setEnabled(c.finished());
        String by = c.trigger().name().equals("DEADLINE") ? " (after the deadline)" : "";
        switch (c.state()) {
            case QUEUED -> state.setText("Queued on the worker pool" + by + "…");
            case RUNNING -> state.setText("Running" + by + ": " + (c.phase() == null ? "starting" : c.phase()) + " · "
                    + Math.round(c.progress() * 100) + "%");
            case DONE -> state.setText("Done" + by + ": " + c.comparisons() + " pairs compared, " + c.flaggedPairs() + " flagged.");
            case FAILED -> state.setText("Failed" + by + ".");
        }
        outcome.setText(c.message() == null ? "" : c.message());
    }

    private Component problems(PlagiarismResults r) {
        UnorderedList list = new UnorderedList();
        list.setId("plagiarism-problems");
        r.problems().forEach(p -> list.add(new ListItem(p.label() + (p.file() == null ? "" : " · " + p.file()) + ": " + p.message())));
        VerticalLayout v = new VerticalLayout(new H3("Files that could not be compared fully"), list);
        v.setPadding(false);
        return v;
    }

    private Component pairs(PlagiarismResults r) {
        Grid<PairSummary> grid = new Grid<>();
        grid.setId("plagiarism-pairs");
        grid.addColumn(PairSummary::rank).setHeader("#").setAutoWidth(true);
        grid.addColumn(p -> p.first().describe()).setHeader("Student").setFlexGrow(2);
        grid.addColumn(p -> p.second().describe() + (p.second().isStudent() ? "" : " · " + kind(p.second().kind())))
                .setHeader("Matches").setFlexGrow(2);
        grid.addColumn(p -> percent(p.maximumSimilarity())).setHeader("Max").setAutoWidth(true);
        grid.addColumn(p -> percent(p.averageSimilarity())).setHeader("Avg").setAutoWidth(true);
        grid.addComponentColumn(p -> {
            Span badge = new Span(p.flagged() ? "flagged" : "");
            if (p.flagged()) {
                badge.getElement().getThemeList().add("badge error");
            }
            return badge;
        }).setHeader("").setAutoWidth(true);
        grid.addColumn(p -> p.caseStatus() == null ? "" : p.caseStatus().name().toLowerCase(Locale.ROOT)).setHeader("Case").setAutoWidth(true);
        grid.addComponentColumn(p -> {
            Anchor open = new Anchor("courses/" + courseId + "/plagiarism-pairs/" + p.id(), "Side by side");
            open.setId("pair-open-" + p.rank());
            return open;
        }).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setItems(r.pairs());
        grid.setAllRowsVisible(r.pairs().size() <= 50);
        VerticalLayout v = new VerticalLayout(new H3("Pairs, most similar first (" + r.pairs().size() + ")"), grid);
        v.setPadding(false);
        return v;
    }

    private Component clusters(PlagiarismResults r) {
        UnorderedList list = new UnorderedList();
        list.setId("plagiarism-clusters");
        r.clusters().forEach(c -> list.add(new ListItem(String.join(", ", c.members()) + " · " + c.links() + " links, strongest "
                + percent(c.strongestSimilarity()))));
        VerticalLayout v = new VerticalLayout(new H3("Clusters of students who match each other"),
                r.clusters().isEmpty() ? new Paragraph("None.") : list);
        v.setPadding(false);
        return v;
    }

    private Component cases(PlagiarismResults r) {
        Grid<IntegrityCase> grid = new Grid<>();
        grid.setId("plagiarism-cases");
        grid.addColumn(c -> c.labelA() + " / " + c.labelB()).setHeader("Between").setFlexGrow(3);
        grid.addColumn(c -> c.status().name().toLowerCase(Locale.ROOT)).setHeader("Status").setAutoWidth(true);
        grid.addColumn(IntegrityCase::notes).setHeader("Notes").setFlexGrow(2);
        grid.addColumn(IntegrityCase::markedBy).setHeader("By").setAutoWidth(true);
        grid.addColumn(c -> c.decision() == null ? (c.status().name().equals("CONFIRMED") ? "awaiting the instructor" : "")
                : c.decision() + (c.decisionScore() == null ? "" : " (score " + c.decisionScore().stripTrailingZeros().toPlainString() + ")"))
                .setHeader("Decision").setFlexGrow(2);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setItems(r.cases());
        grid.setAllRowsVisible(true);
        VerticalLayout v = new VerticalLayout(new H3("Cases"), r.cases().isEmpty() ? new Paragraph("No cases yet.") : grid);
        v.setPadding(false);
        return v;
    }

    private Component corpus(PlagiarismResults r) {
        VerticalLayout v = new VerticalLayout(new H3("Checked against"));
        v.setPadding(false);
        UnorderedList list = new UnorderedList();
        list.setId("plagiarism-corpus");
        r.corpus().forEach(e -> list.add(new ListItem(e.label() + " (" + e.origin() + ") · " + kind(e.kind().name())
                + (e.kind() == CorpusKind.PREVIOUS_TERM ? " · " + e.submissions() + " submissions" : "") + " · " + e.files() + " files")));
        v.add(r.corpus().isEmpty() ? new Paragraph("Only the students' own submissions; the starter files are base code.") : list);
        if (!r.instructor()) {
            return v;
        }
        Select<CorpusKind> kind = new Select<>();
        kind.setId("corpus-kind");
        kind.setLabel("Kind");
        kind.setItems(CorpusKind.values());
        kind.setItemLabelGenerator(k -> kind(k.name()));
        kind.setValue(CorpusKind.REFERENCE);
        TextField label = new TextField("Label");
        label.setId("corpus-label");
        label.setPlaceholder("AI solution");
        TextField origin = new TextField("Origin (tool and date, or the term)");
        origin.setId("corpus-origin");
        origin.setPlaceholder("ChatGPT-4o, 2026-10-02");
        origin.setWidth("22em");
        UI ui = UI.getCurrent();
        Upload upload = Uploads.inMemory(Uploads.MAX_REQUEST_BYTES, 20, (meta, bytes) -> ui.access(() -> {
            boolean saved = kind.getValue() == CorpusKind.PREVIOUS_TERM
                    ? Notifications.attempt(() -> plagiarism.importPreviousTerm(itemId, origin.getValue(), meta.fileName(), bytes))
                    : Notifications.attempt(() -> plagiarism.addReference(itemId, label.getValue(), origin.getValue(),
                    List.of(new PlagiarismService.Upload(meta.fileName(), bytes))));
            if (saved) {
                Notifications.success(meta.fileName() + " added; the next check compares against it.");
                refresh();
            }
        }));
        upload.setId("corpus-upload");
        upload.setAcceptedFileTypes(".py", ".ipynb", ".zip");
        upload.setDropLabel(new Span("Drop a reference (.py, .ipynb, .zip) or an earlier term's zip (one folder per student)"));
        v.add(new HorizontalLayout(kind, label, origin), upload);
        return v;
    }

    static String percent(double fraction) {
        return Math.round(fraction * 100) + "%";
    }

    private static String kind(String kind) {
        return switch (kind) {
            case "REFERENCE" -> "reference";
            case "PREVIOUS_TERM" -> "earlier term";
            default -> "student";
        };
    }
}
