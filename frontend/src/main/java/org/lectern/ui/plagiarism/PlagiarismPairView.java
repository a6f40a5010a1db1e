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
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
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
import org.lectern.platform.NotFoundException;
import org.lectern.ui.Notifications;
import org.lectern.ui.course.CourseHeader;
import org.lectern.ui.course.CoursePage;

/**
 * Staff only: one pair side by side in monospace, each matched fragment in its own colour on both sides; a TA marks the
 * pair dismissed, suspicious or confirmed with notes, and the instructor decides a confirmed case.
 */
@Route("courses/:courseId([0-9]+)/plagiarism-pairs/:pairId([0-9]+)")
@PageTitle("Plagiarism pair · Lectern")
@PermitAll
public class PlagiarismPairView extends CoursePage {

    /** Light backgrounds that stay readable under dark text; fragment i takes colour i mod n. */
    static final List<String> COLOURS = List.of("#ffe08a", "#b5e7a0", "#a0d2eb", "#f7b7a3", "#d5b3ff", "#ffd1e8", "#c9f2e8", "#e6d3a3");

    private final PlagiarismService plagiarism;
    private final CourseService courses;
    private long pairId;

    public PlagiarismPairView(PlagiarismService plagiarism, CourseService courses) {
        this.plagiarism = plagiarism;
        this.courses = courses;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        pairId = event.getRouteParameters().getLong("pairId").orElseThrow(() -> new NotFoundException("No such pair."));
        super.beforeEnter(event);
    }

    @Override
    protected void render() {
        PairDetail d = plagiarism.pair(pairId); // staff only
        if (d.courseId() != courseId) {
            throw new NotFoundException("No such pair in this course.");
        }
        add(new CourseHeader(courses.open(courseId), CourseHeader.Tab.ASSIGNMENTS));
        PairSummary p = d.pair();
        H2 title = new H2(d.assignmentName() + " · " + p.first().describe() + " / " + p.second().describe());
        title.setId("pair-title");
        Span numbers = new Span("Maximum similarity " + PlagiarismView.percent(p.maximumSimilarity()) + " · average "
                + PlagiarismView.percent(p.averageSimilarity()) + " · " + d.fragments().size() + " matched fragments, "
                + p.matchedTokens() + " tokens" + (p.flagged() ? " · flagged" : ""));
        numbers.setId("pair-numbers");
        add(title, new Anchor("courses/" + courseId + "/assignments/" + d.assignmentId() + "/plagiarism", "Back to the check"), numbers);
        if (d.baseCodeWarning() != null) {
            add(BaseCodeWarning.of(d.baseCodeWarning()));
        }
        add(caseBox(d));
        HorizontalLayout sides = new HorizontalLayout(side("pair-first", p.first().describe(), d.firstFiles(), d.fragments(), Fragment::first),
                side("pair-second", p.second().describe(), d.secondFiles(), d.fragments(), Fragment::second));
        sides.setWidthFull();
        sides.setAlignItems(Alignment.START);
        add(sides);
    }

    private static Component side(String id, String who, List<PairDetail.SideFile> files, List<Fragment> fragments,
                                  Function<Fragment, Fragment.Span> spanOf) {
        VerticalLayout box = new VerticalLayout(new H4(who));
        box.setId(id);
        box.setPadding(false);
        box.setWidth("50%");
        box.getStyle().set("min-width", "0");
        for (PairDetail.SideFile file : files) {
            Map<Integer, Integer> fragmentOfLine = new HashMap<>();
            for (int i = 0; i < fragments.size(); i++) {
                Fragment.Span s = spanOf.apply(fragments.get(i));
                if (s.file().equals(file.name())) {
                    for (int line = s.startLine(); line <= s.endLine(); line++) {
                        fragmentOfLine.putIfAbsent(line, i);
                    }
                }
            }
            Pre pre = new Pre();
            pre.addClassName("plagiarism-code");
            pre.getStyle().set("font-family", "monospace").set("font-size", "0.8em").set("overflow-x", "auto").set("margin", "0");
            String[] lines = file.text().split("\n", -1);
            for (int n = 1; n <= lines.length; n++) {
                Span line = new Span(String.format("%4d  %s%n", n, lines[n - 1]));
                Integer fragment = fragmentOfLine.get(n);
                if (fragment != null) {
                    line.addClassName("plagiarism-fragment");
                    line.getElement().setAttribute("data-fragment", String.valueOf(fragment));
                    line.getStyle().set("background", COLOURS.get(fragment % COLOURS.size())).set("display", "inline-block").set("width", "100%");
                }
                pre.add(line);
            }
            box.add(new Span(file.name()), pre);
        }
        if (files.isEmpty()) {
            box.add(new Paragraph("No files were compared for this side."));
        }
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
        notes.setWidth("40em");
        notes.setValue(c == null ? "" : c.notes());
        Button dismiss = mark("Dismiss", "case-dismiss", CaseStatus.DISMISSED, notes);
        Button suspicious = mark("Suspicious", "case-suspicious", CaseStatus.SUSPICIOUS, notes);
        Button confirm = mark("Confirm", "case-confirm", CaseStatus.CONFIRMED, notes);
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        box.add(status, notes, new HorizontalLayout(dismiss, suspicious, confirm));
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
                text.setWidth("30em");
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
                box.add(new H4("Instructor's decision"), new HorizontalLayout(text, score), save);
            } else {
                Paragraph waiting = new Paragraph("Confirmed: awaiting the instructor's decision.");
                waiting.setId("case-awaiting");
                box.add(waiting);
            }
        }
        return new Div(box);
    }

    private Button mark(String label, String id, CaseStatus status, TextArea notes) {
        Button b = new Button(label, e -> {
            if (Notifications.attempt(() -> plagiarism.mark(pairId, status, notes.getValue()))) {
                Notifications.success("Marked " + status.name().toLowerCase(Locale.ROOT) + ".");
                refresh();
            }
        });
        b.setId(id);
        return b;
    }
}
