package org.lectern.ui.plagiarism;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.lectern.course.CourseService;
import org.lectern.grading.plagiarism.Fragment;
import org.lectern.plagiarism.CaseStatus;
import org.lectern.plagiarism.IntegrityCase;
import org.lectern.plagiarism.PairDetail;
import org.lectern.plagiarism.PairSummary;
import org.lectern.plagiarism.PlagiarismService;
import org.lectern.ui.Notifications;
import org.lectern.ui.course.CourseHeader;
import org.lectern.ui.course.CourseItemPage;

/**
 * Staff only: one pair side by side in monospace, each matched fragment in its own colour on both sides; a TA marks the
 * pair dismissed, suspicious or confirmed with notes, and the instructor decides a confirmed case.
 */
@Route("courses/:courseId([0-9]+)/plagiarism-pairs/:pairId([0-9]+)")
@PageTitle("Plagiarism pair · Lectern")
@PermitAll
public class PlagiarismPairView extends CourseItemPage {

    /** Light backgrounds that stay readable under dark text; fragment i takes colour i mod n. */
    static final List<String> COLOURS = List.of("#ffe08a", "#b5e7a0", "#a0d2eb", "#f7b7a3", "#d5b3ff", "#ffd1e8", "#c9f2e8", "#e6d3a3");

    private final PlagiarismService plagiarism;
    private final CourseService courses;

    public PlagiarismPairView(PlagiarismService plagiarism, CourseService courses) {
        super("pairId", "pair");
        this.plagiarism = plagiarism;
        this.courses = courses;
    }

    @Override
    protected void render() {
        PairDetail d = plagiarism.pair(itemId); // staff only
        requireInCourse(d.courseId());
        add(new CourseHeader(courses.open(courseId), CourseHeader.Tab.ASSIGNMENTS));
        PairSummary p = d.pair();
        H2 title = new H2(d.assignmentName() + " · " + p.first().describe() + " / " + p.second().describe());
        title.setId("pair-title");
        title.getStyle().set("overflow-wrap", "anywhere");
        Span numbers = new Span("Maximum similarity " + PlagiarismView.percent(p.maximumSimilarity()) + " · average "
                + PlagiarismView.percent(p.averageSimilarity()) + " · " + org.lectern.ui.Plural.of(d.fragments().size(), "matched fragment") + ", "
                + org.lectern.ui.Plural.of(p.matchedTokens(), "token") + (p.flagged() ? " · flagged" : ""));
        numbers.setId("pair-numbers");
        add(title, new Span(new Anchor("courses/" + courseId + "/assignments/" + d.assignmentId() + "/plagiarism", "Back to the check"),
                new Span(" · "), PlagiarismView.viewerLink(d.assignmentId())), numbers);
        if (d.baseCodeWarning() != null) {
            add(BaseCodeWarning.of(d.baseCodeWarning()));
        }
        add(caseBox(d));
        add(matchList(d));
        Div sides = new Div(side("pair-first", p.first().describe(), d.firstFiles(), d.fragments(), Fragment::first),
                side("pair-second", p.second().describe(), d.secondFiles(), d.fragments(), Fragment::second));
        sides.addClassName("pair-sides");
        sides.setId("pair-sides");
        add(sides);
    }

    /** Each match as a link-like button: both listings scroll to it, so a TA walks the matches without hunting. */
    private static Component matchList(PairDetail d) {
        Div box = new Div();
        box.setId("pair-matches");
        box.addClassName("pair-matches");
        if (d.fragments().isEmpty()) {
            box.add(new Span("No matched fragments."));
            return box;
        }
        box.add(new Span("Matches (each shows both sides):"));
        for (int i = 0; i < d.fragments().size(); i++) {
            Fragment f = d.fragments().get(i);
            boolean oneFileEach = d.firstFiles().size() <= 1 && d.secondFiles().size() <= 1;
            Button go = new Button("%d: %s ↔ %s".formatted(i + 1, where(f.first(), oneFileEach), where(f.second(), oneFileEach)));
            go.getElement().setAttribute("title", f.tokens() + " matched tokens; show both sides");
            go.setId("pair-match-" + i);
            go.addClassName("pair-match");
            go.addThemeVariants(ButtonVariant.LUMO_SMALL);
            go.getStyle().set("background", colour(i)).set("--vaadin-button-background", colour(i));
            int fragment = i;
            go.addClickListener(e -> go.getElement().executeJs("""
                    for (const side of ['pair-first-code', 'pair-second-code']) {
                      const box = document.getElementById(side);
                      const line = box && box.querySelector('[data-fragment-start="' + $0 + '"]');
                      if (line) { box.scrollTop = line.offsetTop - box.clientHeight / 4; }
                    }""", fragment));
            box.add(go);
        }
        return box;
    }

    private static String where(Fragment.Span s, boolean oneFileEach) {
        String lines = s.startLine() == s.endLine() ? "line " + s.startLine() : "lines " + s.startLine() + "–" + s.endLine();
        return oneFileEach ? lines : s.file() + " " + lines;
    }

    static String colour(int fragment) {
        return COLOURS.get(fragment % COLOURS.size());
    }

    /**
     * One side: its files one below the other in a box that scrolls vertically, a line per row with its number;
     * long lines wrap rather than widen the page. Text goes in as text (student code is never markup).
     */
    private static Component side(String id, String who, List<PairDetail.SideFile> files, List<Fragment> fragments,
                                  Function<Fragment, Fragment.Span> spanOf) {
        Div box = new Div(new H4(who));
        box.setId(id);
        box.addClassName("pair-side");
        Div code = new Div();
        code.setId(id + "-code");
        code.addClassName("pair-code");
        code.getElement().setAttribute("tabindex", "0"); // scrollable by keyboard
        code.getElement().setAttribute("aria-label", "Code of " + who);
        for (PairDetail.SideFile file : files) {
            Map<Integer, Integer> fragmentOfLine = new HashMap<>();
            Map<Integer, Integer> startOf = new HashMap<>();
            for (int i = 0; i < fragments.size(); i++) {
                Fragment.Span s = spanOf.apply(fragments.get(i));
                if (s.file().equals(file.name())) {
                    startOf.putIfAbsent(s.startLine(), i);
                    for (int line = s.startLine(); line <= s.endLine(); line++) {
                        fragmentOfLine.putIfAbsent(line, i);
                    }
                }
            }
            Div name = new Div(file.name());
            name.addClassName("pair-file-name");
            code.add(name);
            String[] lines = file.text().split("\n", -1);
            for (int n = 1; n <= lines.length; n++) {
                Span number = new Span(String.valueOf(n));
                number.addClassName("pair-line-number");
                Span text = new Span(lines[n - 1].isEmpty() ? " " : lines[n - 1]);
                text.addClassName("pair-line-text");
                Div line = new Div(number, text);
                line.addClassName("pair-line");
                line.getElement().setAttribute("data-line", String.valueOf(n));
                Integer fragment = fragmentOfLine.get(n);
                if (fragment != null) {
                    line.addClassName("plagiarism-fragment");
                    line.getElement().setAttribute("data-fragment", String.valueOf(fragment));
                    line.getStyle().set("background", colour(fragment));
                }
                Integer starts = startOf.get(n);
                if (starts != null) {
                    line.getElement().setAttribute("data-fragment-start", String.valueOf(starts));
                }
                code.add(line);
            }
        }
        if (files.isEmpty()) {
            code.add(new Paragraph("No files were compared for this side."));
        }
        box.add(code);
        return box;
    }

    private Component caseBox(PairDetail d) {
        VerticalLayout box = new VerticalLayout(new H3("Case"));
        box.setPadding(false);
        box.addClassName("lectern-card");
        IntegrityCase c = d.integrityCase().orElse(null);
        Span status = new Span(c == null ? "Not reviewed yet." : "Marked " + c.status().name().toLowerCase(Locale.ROOT) + " by " + c.markedBy()
                + (c.notes().isBlank() ? "" : ": " + c.notes()));
        status.setId("case-status");
        status.getElement().setAttribute("data-status", c == null ? "none" : c.status().name().toLowerCase(Locale.ROOT));
        TextArea notes = new TextArea("Notes");
        notes.setId("case-notes");
        notes.setWidthFull();
        notes.setMaxWidth("40em");
        notes.setValue(c == null ? "" : c.notes());
        Button dismiss = mark("Dismiss", "case-dismiss", CaseStatus.DISMISSED, notes);
        Button suspicious = mark("Suspicious", "case-suspicious", CaseStatus.SUSPICIOUS, notes);
        Button confirm = mark("Confirm", "case-confirm", CaseStatus.CONFIRMED, notes);
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        box.add(status, notes, wrapping(dismiss, suspicious, confirm));
        if (c != null && c.decided()) {
            Paragraph decision = new Paragraph("Decision by " + c.decidedBy() + ": " + c.decision()
                    + (c.decisionScore() == null ? "" : " (score " + c.decisionScore().stripTrailingZeros().toPlainString()
                    + " in the gradebook)"));
            decision.setId("case-decision");
            box.add(decision);
        } else if (c != null && c.status() == CaseStatus.CONFIRMED) {
            if (d.instructor()) {
                TextField text = new TextField("Decision");
                text.setId("decision-text");
                text.setWidthFull();
                text.setMaxWidth("30em");
                text.setPlaceholder("Zero on the assignment, reported to the university");
                BigDecimalField score = new BigDecimalField("Score in the gradebook (empty: no change)");
                score.setId("decision-score");
                Button save = new Button("Decide", e -> {
                    if (Notifications.attempt(() -> plagiarism.decide(c.id(), text.getValue(), score.getValue()))) {
                        Notifications.success("Decision saved" + (score.getValue() == null ? "." : "; the gradebook shows the override."));
                        refresh();
                    }
                });
                save.setId("decision-save");
                save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                box.add(new H4("Instructor's decision"), wrapping(text, score), save);
            } else {
                Paragraph waiting = new Paragraph("Confirmed: awaiting the instructor's decision.");
                waiting.setId("case-awaiting");
                box.add(waiting);
            }
        }
        return new Div(box);
    }

    private static HorizontalLayout wrapping(Component... parts) {
        HorizontalLayout row = new HorizontalLayout(parts);
        row.setWrap(true);
        return row;
    }

    private Button mark(String label, String id, CaseStatus status, TextArea notes) {
        Button b = new Button(label, e -> {
            if (Notifications.attempt(() -> plagiarism.mark(itemId, status, notes.getValue()))) {
                Notifications.success("Marked " + status.name().toLowerCase(Locale.ROOT) + ".");
                refresh();
            }
        });
        b.setId(id);
        return b;
    }
}
