package org.lectern.ui.written;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.lectern.assignment.Assignment;
import org.lectern.submission.SubmissionService;
import org.lectern.written.PageSet;
import org.lectern.written.QuestionResult;
import org.lectern.written.RegradeRequest;
import org.lectern.written.RegradeService;
import org.lectern.written.RubricItem;
import org.lectern.written.WrittenPages;
import org.lectern.written.WrittenQuestion;
import org.lectern.written.WrittenService;
import org.lectern.ui.Dates;
import org.lectern.ui.Form;
import org.lectern.ui.Notifications;

/**
 * A student's written work on an assignment page: before release, the pages of their counted version with a page
 * picker per question and the questions not marked yet (the reminder); once grades are released, each question's
 * score with the rubric items applied, the adjustment and the comment beside the pages they marked for it, and a
 * regrade request while the instructor's window is open, with the staff's answer and the change once answered.
 * Everything is read through the written feature's services, which show a student only their own work.
 */
public class WrittenStudentPanel extends Div {

    private final Assignment assignment;
    private final ZoneId zone;
    private final WrittenService written;
    private final WrittenPages pages;
    private final RegradeService regrades;
    private final SubmissionService submissions;

    public WrittenStudentPanel(Assignment assignment, ZoneId zone, WrittenService written, WrittenPages pages, RegradeService regrades,
                               SubmissionService submissions) {
        this.assignment = assignment;
        this.zone = zone;
        this.written = written;
        this.pages = pages;
        this.regrades = regrades;
        this.submissions = submissions;
        setId("written-work");
        setWidthFull();
        redraw();
    }

    /** Whether the assignment has written questions (else the page shows no panel). */
    public static boolean applies(WrittenService written, long assignmentId) {
        return !written.questions(assignmentId).isEmpty();
    }

    public void redraw() {
        removeAll();
        List<WrittenQuestion> questions = written.questions(assignment.id());
        if (questions.isEmpty()) {
            return;
        }
        add(new H3("Written answers"));
        Optional<PageSet> set = countedPages();
        if (assignment.gradesReleased()) {
            released(questions, set);
        } else {
            marking(questions, set);
        }
    }

    /** The counted version's pages (the latest upload when none is chosen), if it has any. */
    private Optional<PageSet> countedPages() {
        var mine = submissions.mine(assignment.id());
        if (mine.versions().isEmpty()) {
            return Optional.empty();
        }
        long id = mine.countedId() != null ? mine.countedId() : mine.versions().getFirst().id();
        PageSet s = pages.pages(id);
        return s.pages() == 0 ? Optional.empty() : Optional.of(s);
    }

    private void marking(List<WrittenQuestion> questions, Optional<PageSet> set) {
        if (set.isEmpty()) {
            Paragraph none = new Paragraph("Upload one PDF with your answers to " + questions.size() + (questions.size() == 1 ? " question" : " questions")
                    + " (or photos of them: PNG/JPEG images sent together are joined into one PDF, a page each in order)"
                    + "; then mark which pages answer which question.");
            none.setId("written-no-pdf");
            add(none);
            return;
        }
        PageSet s = set.get();
        Paragraph unmarked = new Paragraph(s.unmarked().isEmpty() ? "Every question has its pages marked."
                : "Not marked yet: " + String.join(", ", s.unmarked().stream().map(n -> "Q" + n).toList())
                + ". Mark them before the deadline, " + Dates.dateTime(assignment.dueAt(), zone) + ", so graders find your answers.");
        unmarked.setId("unmarked-questions");
        unmarked.addClassName("lectern-card");
        add(unmarked);
        Div thumbs = new Div();
        thumbs.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)");
        for (int p = 1; p <= s.pages(); p++) {
            Image img = page(s.submissionId(), p);
            img.getStyle().set("width", "120px").set("max-width", "40vw").set("border", "1px solid var(--lumo-contrast-20pct)");
            Div cell = new Div(img, new Div(new Span("Page " + p)));
            thumbs.add(cell);
        }
        add(thumbs);
        Map<Long, CheckboxGroup<Integer>> pickers = new LinkedHashMap<>();
        for (WrittenQuestion q : questions) {
            CheckboxGroup<Integer> pick = new CheckboxGroup<>("Q" + q.number() + " " + q.title() + ": its pages");
            pick.setId("mark-q" + q.number());
            pick.setItems(IntStream.rangeClosed(1, s.pages()).boxed().toList());
            pick.setItemLabelGenerator(p -> "p" + p);
            pick.setValue(new java.util.HashSet<>(s.marks().getOrDefault(q.id(), List.of())));
            pick.setWidthFull();
            pickers.put(q.id(), pick);
            add(pick);
        }
        Button save = new Button("Save page marks", e -> {
            Map<Long, List<Integer>> marks = new LinkedHashMap<>();
            pickers.forEach((q, pick) -> {
                if (!pick.getValue().isEmpty()) {
                    marks.put(q, new ArrayList<>(pick.getValue()));
                }
            });
            if (Notifications.attempt(() -> pages.mark(s.submissionId(), marks))) {
                Notifications.success("Page marks saved.");
                redraw();
            }
        });
        save.setId("save-page-marks");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(save);
    }

    private void released(List<WrittenQuestion> questions, Optional<PageSet> set) {
        List<QuestionResult> results = written.results(assignment.id(), null);
        List<RegradeRequest> mine = regrades.requests(assignment.id());
        var window = regrades.window(assignment.id());
        Instant now = Instant.now();
        boolean open = window.isPresent() && !now.isBefore(window.get().opensAt()) && now.isBefore(window.get().closesAt());
        BigDecimal total = results.stream().map(QuestionResult::score).filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal possible = results.stream().map(QuestionResult::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        Span sum = new Span("Written total " + fmt(total) + " of " + fmt(possible));
        sum.setId("written-total");
        sum.getStyle().set("font-weight", "600");
        Paragraph windowText = new Paragraph(window.map(w -> "Regrade requests: " + Dates.dateTime(w.opensAt(), zone) + " until "
                + Dates.dateTime(w.closesAt(), zone) + (open ? " (open now)." : ".")).orElse("Regrade requests are not open for this assignment."));
        windowText.addClassName("lectern-muted");
        add(new Div(sum), windowText);
        for (QuestionResult r : results) {
            add(result(r, set, mine.stream().filter(x -> x.questionId() == r.questionId()).toList(), open));
        }
    }

    private Div result(QuestionResult r, Optional<PageSet> set, List<RegradeRequest> requests, boolean windowOpen) {
        Div d = new Div();
        d.setId("written-result-q" + r.number());
        d.addClassName("lectern-card");
        d.setWidthFull();
        d.getStyle().set("overflow-wrap", "anywhere");
        d.add(new H4("Q" + r.number() + " " + r.title()));
        Span score = new Span(r.score() == null ? "Not graded." : fmt(r.score()) + " of " + fmt(r.points()) + " points");
        score.setId("written-score-q" + r.number());
        score.getStyle().set("font-weight", "600");
        d.add(new Div(score));
        Div body = new Div();
        body.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)").set("align-items", "flex-start");
        Div pageColumn = new Div();
        pageColumn.getStyle().set("flex", "2 1 320px").set("min-width", "0");
        set.ifPresent(s -> {
            List<Integer> marked = s.marks().getOrDefault(r.questionId(), List.of());
            List<Integer> shown = marked.isEmpty() ? IntStream.rangeClosed(1, s.pages()).boxed().toList() : marked;
            for (int p : shown) {
                Image img = page(s.submissionId(), p);
                img.getStyle().set("width", "100%").set("border", "1px solid var(--lumo-contrast-20pct)");
                pageColumn.add(img);
            }
        });
        Div rubric = new Div();
        rubric.setId("written-applied-q" + r.number());
        rubric.getStyle().set("flex", "1 1 240px").set("min-width", "0");
        if (r.score() != null) {
            if (r.applied().isEmpty()) {
                rubric.add(new Paragraph("No rubric item applied."));
            }
            for (RubricItem i : r.applied()) {
                Div item = new Div(new Span((i.points().signum() > 0 ? "+" : "") + fmt(i.points()) + " · " + i.text()));
                item.addClassName("written-applied-item");
                rubric.add(item);
            }
            if (r.adjustment() != null && r.adjustment().signum() != 0) {
                rubric.add(new Div(new Span("Adjustment " + (r.adjustment().signum() > 0 ? "+" : "") + fmt(r.adjustment()))));
            }
            if (r.comment() != null && !r.comment().isBlank()) {
                Paragraph c = new Paragraph("Comment: " + r.comment());
                c.setId("written-comment-q" + r.number());
                c.getStyle().set("white-space", "pre-wrap");
                rubric.add(c);
            }
        }
        for (RegradeRequest q : requests) {
            Div req = new Div();
            req.setId("regrade-" + q.id());
            req.addClassName("lectern-card");
            req.add(new Paragraph("You asked for a regrade " + Dates.dateTime(q.askedAt(), zone) + ": " + q.reason()));
            Span outcome = new Span(q.open() ? "Waiting for staff."
                    : "Answered: " + RegradeRequestsView.points(q.scoreBefore()) + " → " + RegradeRequestsView.points(q.scoreAfter()) + ". " + q.answer());
            outcome.setId("regrade-outcome-q" + r.number());
            req.add(outcome);
            rubric.add(req);
        }
        boolean waiting = requests.stream().anyMatch(RegradeRequest::open);
        if (windowOpen && r.score() != null && !waiting) {
            TextArea reason = new TextArea("Why should Q" + r.number() + " be regraded?");
            reason.setId("regrade-reason-q" + r.number());
            reason.setWidthFull();
            reason.setMaxLength(2000);
            Form form = new Form().required(reason, "Say what should be looked at again.", "reason");
            Button ask = new Button("Ask for a regrade", e -> form.submit(() -> regrades.request(r.questionId(), reason.getValue())).ifPresent(x -> {
                Notifications.success("Sent; you will see the answer here.");
                redraw();
            }));
            ask.setId("regrade-ask-q" + r.number());
            rubric.add(reason, ask);
        }
        body.add(pageColumn, rubric);
        d.add(body);
        return d;
    }

    private Image page(long submissionId, int p) {
        Image img = new Image(DownloadHandler.fromInputStream(ev -> {
            byte[] png = pages.page(submissionId, p);
            return new DownloadResponse(new ByteArrayInputStream(png), "page-" + p + ".png", "image/png", png.length);
        }), "Page " + p + " of your answers");
        img.addClassName("written-page");
        return img;
    }

    private static String fmt(BigDecimal b) {
        return b.stripTrailingZeros().toPlainString();
    }
}
