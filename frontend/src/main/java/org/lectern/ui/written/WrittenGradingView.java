package org.lectern.ui.written;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.lectern.ui.Form;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lectern.course.CourseService;
import org.lectern.platform.NotFoundException;
import org.lectern.written.RubricItem;
import org.lectern.written.WrittenDrafts;
import org.lectern.written.WrittenGrade;
import org.lectern.written.WrittenPages;
import org.lectern.written.WrittenQuestion;
import org.lectern.written.WrittenService;
import org.lectern.ui.Notifications;
import org.lectern.ui.course.CourseHeader;
import org.lectern.ui.course.CoursePage;

/**
 * Staff grade one written question answer by answer: the answer's pages large on the left, the rubric beside them.
 * Keys (outside text fields): digits 1–9 toggle rubric items, n the next ungraded answer, p the previous answer.
 * The queue, the pages and the score all come from the written feature's services, which check the staff role.
 */
@Route("courses/:courseId([0-9]+)/assignments/:assignmentId([0-9]+)/written/:questionId([0-9]+)")
@PageTitle("Grade written answers · Lectern")
@PermitAll
public class WrittenGradingView extends CoursePage {

    private final CourseService courses;
    private final WrittenService written;
    private final WrittenPages pages;
    private long assignmentId;
    private long questionId;
    private int index;
    private Long wantedStudent;
    private Boolean onlyMine; // null until the first draw decides: on for a TA when the grading is split

    public WrittenGradingView(CourseService courses, WrittenService written, WrittenPages pages) {
        this.courses = courses;
        this.written = written;
        this.pages = pages;
        addClassName("written-grading");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        assignmentId = event.getRouteParameters().getLong("assignmentId").orElseThrow(() -> new NotFoundException("No such assignment."));
        questionId = event.getRouteParameters().getLong("questionId").orElseThrow(() -> new NotFoundException("No such question."));
        onlyMine = null;
        index = -1; // first ungraded, or the answer of ?student= (a regrade request links there)
        wantedStudent = event.getLocation().getQueryParameters().getSingleParameter("student").filter(v -> v.matches("[0-9]{1,18}"))
                .map(Long::valueOf).orElse(null);
        if (wantedStudent != null) {
            onlyMine = false; // a regrade request opens that student's answer, whoever it was assigned to
        }
        super.beforeEnter(event);
    }

    @Override
    protected void render() {
        var grant = courses.open(courseId);
        add(new CourseHeader(grant, CourseHeader.Tab.DASHBOARD));
        WrittenQuestion q = written.questions(assignmentId).stream().filter(x -> x.id() == questionId).findFirst()
                .orElseThrow(() -> new NotFoundException("No written question " + questionId + "."));
        List<WrittenPages.QueueEntry> all = pages.queue(questionId);
        long me = grant.caller().accountId();
        boolean split = all.stream().anyMatch(e -> e.graderId() != null);
        if (onlyMine == null) {
            onlyMine = split && !grant.isInstructor();
        }
        List<WrittenPages.QueueEntry> queue = shown(all, me);
        long left = queue.stream().filter(e -> !e.graded()).count();
        H3 title = new H3("Q" + q.number() + " " + q.title() + " · " + q.points().toPlainString() + " points");
        title.setId("question-title");
        Span progress = new Span(left + " of " + queue.size() + " answers ungraded");
        progress.setId("ungraded-count");
        add(title, progress);
        if (split) {
            Checkbox mine = new Checkbox("Only answers assigned to me (and to nobody)", onlyMine);
            mine.setId("only-mine");
            mine.addValueChangeListener(e -> {
                onlyMine = e.getValue();
                index = -1;
                refresh();
            });
            add(mine);
        }
        if (queue.isEmpty()) {
            Paragraph none = new Paragraph("No answers with pages yet.");
            none.setId("no-answers");
            add(none);
            return;
        }
        if (index < 0 && wantedStudent != null) {
            for (int i = 0; i < queue.size(); i++) {
                if (queue.get(i).accountId() == wantedStudent) {
                    index = i;
                }
            }
            wantedStudent = null;
        }
        if (index < 0 || index >= queue.size()) {
            index = nextUngraded(queue, -1);
        }
        WrittenPages.QueueEntry entry = queue.get(index);
        WrittenGrade grade = written.grade(questionId, entry.accountId());

        Div pageColumn = new Div();
        pageColumn.setId("answer-pages");
        pageColumn.getStyle().set("flex", "3 1 560px").set("min-width", "0");
        for (int page : entry.pages()) {
            long submissionId = entry.submissionId();
            Image img = new Image(DownloadHandler.fromInputStream(ev -> {
                byte[] png = pages.page(submissionId, page);
                return new DownloadResponse(new ByteArrayInputStream(png), "page-" + page + ".png", "image/png", png.length);
            }), "Page " + page + " of " + entry.student() + "'s answer");
            img.setId("page-" + page);
            img.getStyle().set("width", "100%").set("max-width", "100%").set("border", "1px solid var(--lumo-contrast-20pct)")
                    .set("margin-bottom", "var(--lumo-space-s)");
            pageColumn.add(img);
        }

        Div rubric = new Div();
        rubric.setId("rubric");
        rubric.getStyle().set("flex", "1 1 300px").set("min-width", "0");
        String grader = entry.graderId() == null ? "" : entry.graderId() == me ? " · assigned to you" : " · assigned to another TA";
        Span who = new Span("Answer " + (index + 1) + " of " + queue.size() + " · " + entry.student()
                + (grade.graded() ? " · graded " + grade.score().toPlainString() : " · ungraded") + grader);
        who.setId("current-answer");
        rubric.add(who);
        Map<Long, Checkbox> boxes = new LinkedHashMap<>();
        int n = 0;
        for (RubricItem item : q.rubric()) {
            n++;
            String points = (item.points().signum() > 0 ? "+" : "") + item.points().toPlainString();
            Checkbox box = new Checkbox((n <= 9 ? n + ". " : "") + points + " · " + item.text());
            box.setId("rubric-item-" + n);
            box.setValue(grade.applied().contains(item.id()));
            box.getStyle().set("display", "block");
            boxes.put(item.id(), box);
            rubric.add(box);
        }
        if (q.rubric().isEmpty()) {
            rubric.add(new Paragraph("This question has no rubric items yet."));
        }
        BigDecimalField adjustment = new BigDecimalField("Adjustment (points)");
        adjustment.setId("grade-adjustment");
        adjustment.setValue(grade.adjustment());
        adjustment.setWidthFull();
        TextArea comment = new TextArea("Comment to the student");
        comment.setId("grade-comment");
        comment.setValue(grade.comment() == null ? "" : grade.comment());
        comment.setWidthFull();
        Button save = new Button("Save grade", e -> {
            List<Long> applied = new ArrayList<>();
            boxes.forEach((id, box) -> {
                if (box.getValue()) {
                    applied.add(id);
                }
            });
            if (Notifications.attempt(() -> written.saveGrade(questionId, entry.accountId(),
                    new WrittenDrafts.Grade(applied, adjustment.getValue(), comment.getValue())))) {
                Notifications.success("Saved.");
                index = nextUngraded(shown(pages.queue(questionId), me), index);
                refresh();
            }
        });
        save.setId("grade-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button previous = new Button("Previous", e -> {
            index = Math.max(0, index - 1);
            refresh();
        });
        previous.setId("grade-previous");
        previous.setEnabled(index > 0);
        Button next = new Button("Next ungraded", e -> {
            index = nextUngraded(queue, index);
            refresh();
        });
        next.setId("grade-next");
        HorizontalLayout buttons = new HorizontalLayout(previous, save, next);
        buttons.getStyle().set("flex-wrap", "wrap");
        Paragraph keys = new Paragraph("Keys: 1–9 toggle rubric items, n next ungraded, p previous.");
        keys.addClassName("lectern-muted");
        rubric.add(adjustment, comment, buttons, keys, rubricEditor(q));

        Div layout = new Div(pageColumn, rubric);
        layout.setWidthFull();
        layout.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)").set("align-items", "flex-start");
        add(layout);
    }

    /** The queue as this grader works it: all answers, or theirs and nobody's. */
    private List<WrittenPages.QueueEntry> shown(List<WrittenPages.QueueEntry> all, long me) {
        return Boolean.TRUE.equals(onlyMine) ? all.stream().filter(e -> e.graderId() == null || e.graderId() == me).toList() : all;
    }

    /**
     * The rubric itself: each item's points and text, changed for every grade that applies it (one audited change,
     * the totals reported again), and a new item.
     */
    private Div rubricEditor(WrittenQuestion q) {
        Div editor = new Div();
        editor.setId("rubric-editor");
        editor.add(new H3("Rubric"));
        int n = 0;
        for (RubricItem item : q.rubric()) {
            n++;
            BigDecimalField points = new BigDecimalField("Item " + n + " points");
            points.setId("rubric-points-" + n);
            points.setValue(item.points());
            points.setWidth("8em");
            TextField text = new TextField("Text");
            text.setId("rubric-text-" + n);
            text.setValue(item.text());
            text.setMaxLength(2000);
            text.getStyle().set("flex", "1 1 10em");
            Form form = new Form().required(points, "Points, e.g. 2 or -1.", "points").required(text, "Say what the item means.", "text");
            Button change = new Button("Change everywhere", e -> form.submit(() -> written.changeItem(item.id(),
                    new WrittenDrafts.Item(points.getValue(), text.getValue()))).ifPresent(count -> {
                        Notifications.success("Changed; " + count + (count == 1 ? " grade" : " grades") + " updated.");
                        refresh();
                    }));
            change.setId("rubric-change-" + n);
            HorizontalLayout line = new HorizontalLayout(points, text, change);
            line.setWidthFull();
            line.getStyle().set("flex-wrap", "wrap").set("align-items", "baseline");
            editor.add(line);
        }
        BigDecimalField points = new BigDecimalField("New item points");
        points.setId("rubric-new-points");
        points.setWidth("8em");
        TextField text = new TextField("Text");
        text.setId("rubric-new-text");
        text.setMaxLength(2000);
        text.getStyle().set("flex", "1 1 10em");
        Form form = new Form().required(points, "Points, e.g. 2 or -1.", "points").required(text, "Say what the item means.", "text");
        Button add = new Button("Add item", e -> form.submit(() -> written.addItem(questionId, new WrittenDrafts.Item(points.getValue(), text.getValue())))
                .ifPresent(i -> refresh()));
        add.setId("rubric-add");
        HorizontalLayout line = new HorizontalLayout(points, text, add);
        line.setWidthFull();
        line.getStyle().set("flex-wrap", "wrap").set("align-items", "baseline");
        editor.add(line);
        return editor;
    }

    /** The first ungraded answer after {@code from}, wrapping round; the one after {@code from} when all are graded. */
    static int nextUngraded(List<WrittenPages.QueueEntry> queue, int from) {
        for (int k = 1; k <= queue.size(); k++) {
            int i = Math.floorMod(from + k, queue.size());
            if (!queue.get(i).graded()) {
                return i;
            }
        }
        return Math.floorMod(from + 1, queue.size());
    }

    // Keys are read in the browser and click the matching control, so a key does exactly what the click does.
    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        getElement().executeJs("""
                if (window.__lecternGradingKeys) document.removeEventListener('keydown', window.__lecternGradingKeys);
                window.__lecternGradingKeys = e => {
                  if (e.ctrlKey || e.metaKey || e.altKey) return;
                  const typing = e.composedPath().some(n => n.tagName === 'INPUT' || n.tagName === 'TEXTAREA' || n.isContentEditable);
                  if (typing) return;
                  let id = null;
                  if (e.key >= '1' && e.key <= '9') id = 'rubric-item-' + e.key;
                  else if (e.key === 'n') id = 'grade-next';
                  else if (e.key === 'p') id = 'grade-previous';
                  const el = id && document.getElementById(id);
                  if (el && !el.disabled) { e.preventDefault(); el.click(); }
                };
                document.addEventListener('keydown', window.__lecternGradingKeys);
                """);
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        detach.getUI().getPage().executeJs("""
                if (window.__lecternGradingKeys) { document.removeEventListener('keydown', window.__lecternGradingKeys); window.__lecternGradingKeys = null; }
                """);
        super.onDetach(detach);
    }
}
