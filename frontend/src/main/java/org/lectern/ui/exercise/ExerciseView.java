package org.lectern.ui.exercise;

import org.lectern.ui.MathMarkdown;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.lectern.exercise.AnswerParser;
import org.lectern.exercise.AnswerShape;
import org.lectern.exercise.ExerciseService;
import org.lectern.exercise.ExerciseSheet;
import org.lectern.exercise.Given;
import org.lectern.exercise.MathText;
import org.lectern.exercise.ParseResult;
import org.lectern.exercise.Part;
import org.lectern.exercise.PartFeedback;
import org.lectern.ui.Notifications;
import org.lectern.ui.course.CourseItemPage;

/**
 * A student's exercise: their own numbers, typeset; one input per cell for vectors and matrices;
 * feedback per part and per cell at once; hints earned by wrong attempts; the worked answer at the end.
 */
@Route("courses/:courseId([0-9]+)/exercises/:exerciseId([0-9]+)")
@PageTitle("Exercise · Lectern")
@PermitAll
public class ExerciseView extends CourseItemPage {

    private final ExerciseService exercises;
    private final org.lectern.course.CourseService courses;
    private final org.lectern.schedule.ScheduleService schedule;

    public ExerciseView(ExerciseService exercises, org.lectern.course.CourseService courses, org.lectern.schedule.ScheduleService schedule) {
        super("exerciseId", "exercise");
        this.exercises = exercises;
        this.courses = courses;
        this.schedule = schedule;
    }

    @Override
    protected void render() {
        draw(exercises.sheet(itemId));
    }

    private void draw(ExerciseSheet s) {
        removeAll();
        requireInCourse(s.exercise().courseId());
        addClassName("exercise");
        // The course around it, so a student who came from a lecture can find their way back.
        add(new org.lectern.ui.course.CourseHeader(courses.open(courseId), org.lectern.ui.course.CourseHeader.Tab.SCHEDULE),
                org.lectern.ui.LectureLink.back(schedule, courseId, s.exercise().lectureId()));
        H2 title = new H2(s.exercise().shortName() + " · " + s.exercise().title());
        title.setId("exercise-title");
        Span status = new Span(status(s));
        status.setId("attempts-left");
        status.addClassName("lectern-muted");
        add(title, status);
        if (s.staff()) {
            add(new Paragraph("A preview: each student gets their own numbers. Students' attempts are in the gradebook as "
                    + s.exercise().shortName() + "."));
        }
        Component prompt = MathMarkdown.of(s.instance().prompt());
        prompt.setId("exercise-prompt");
        add(prompt);
        Div givens = new Div();
        givens.addClassName("exercise-givens");
        s.instance().givens().forEach(g -> givens.add(given(g)));
        add(givens);

        ExerciseSheet.Attempt last = s.attempts().isEmpty() ? null : s.attempts().getLast();
        Map<String, Supplier<String>> readers = new LinkedHashMap<>();
        for (Part part : s.instance().parts()) {
            PartFeedback fb = last == null ? null : last.feedback().part(part.id()).orElse(null);
            String previous = last == null ? null : last.answers().get(part.id());
            add(part(s, part, fb, previous, readers));
        }
        if (!s.finished() && !s.staff()) {
            Button submit = new Button("Check answer", e -> submit(readers));
            submit.setId("exercise-submit");
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(submit);
        }
    }

    private void submit(Map<String, Supplier<String>> readers) {
        Map<String, String> typed = new LinkedHashMap<>();
        readers.forEach((id, r) -> typed.put(id, r.get()));
        Notifications.call(() -> exercises.answer(itemId, typed)).ifPresent(after -> {
            draw(after);
            Notifications.success(after.solved() ? "Correct." : "Recorded: see the feedback below.");
        });
    }

    private Component part(ExerciseSheet s, Part part, PartFeedback fb, String previous, Map<String, Supplier<String>> readers) {
        Div box = new Div();
        box.addClassName("exercise-part");
        box.setId("part-" + part.id());
        box.add(MathMarkdown.of(part.question()));
        boolean locked = s.finished() || s.staff();
        List<TextField> cells = new ArrayList<>();
        switch (part.shape()) {
            case AnswerShape.Choice c -> {
                RadioButtonGroup<String> choice = new RadioButtonGroup<>();
                choice.setId("answer-" + part.id());
                choice.setAriaLabel(partName(part));
                choice.setItems(c.options());
                if (previous != null && c.options().contains(previous)) {
                    choice.setValue(previous);
                }
                choice.setReadOnly(locked);
                box.add(choice);
                readers.put(part.id(), () -> choice.getValue() == null ? "" : choice.getValue());
            }
            case AnswerShape.Matrix m -> {
                Div grid = new Div();
                grid.addClassName("answer-grid");
                grid.getStyle().set("grid-template-columns", "repeat(" + m.cols() + ", 5.5rem)");
                List<List<TextField>> rows = new ArrayList<>();
                for (int r = 0; r < m.rows(); r++) {
                    List<TextField> row = new ArrayList<>();
                    for (int c = 0; c < m.cols(); c++) {
                        TextField cell = cell("answer-" + part.id() + "-" + r + "-" + c, locked);
                        cell.setAriaLabel(partName(part) + ", row " + (r + 1) + ", column " + (c + 1));
                        row.add(cell);
                        cells.add(cell);
                        grid.add(cell);
                    }
                    rows.add(row);
                }
                box.add(grid);
                readers.put(part.id(), () -> {
                    List<List<String>> values = rows.stream().map(row -> row.stream().map(TextField::getValue).toList()).toList();
                    ParseResult parsed = AnswerParser.parseRows(m, values);
                    // A cell that does not parse is sent as typed, so the service names it and no attempt is used.
                    return parsed.parsed().map(a -> AnswerParser.format(m, a))
                            .orElse(String.join("; ", values.stream().map(row -> String.join(", ", row)).toList()));
                });
            }
            case AnswerShape.Vector v -> {
                Div grid = new Div();
                grid.addClassName("answer-grid");
                grid.getStyle().set("grid-template-columns", "repeat(" + v.length() + ", 5.5rem)");
                for (int i = 0; i < v.length(); i++) {
                    TextField cell = cell("answer-" + part.id() + "-" + i, locked);
                    cell.setAriaLabel(partName(part) + ", entry " + (i + 1) + " of " + v.length());
                    cells.add(cell);
                    grid.add(cell);
                }
                box.add(grid);
                readers.put(part.id(), () -> String.join(", ", cells.stream().map(TextField::getValue).toList()));
            }
            case AnswerShape.Scalar x -> {
                TextField cell = cell("answer-" + part.id(), locked);
                cell.setAriaLabel(partName(part));
                cells.add(cell);
                box.add(cell);
                readers.put(part.id(), cell::getValue);
            }
        }
        if (previous != null && !(part.shape() instanceof AnswerShape.Choice)) {
            ParseResult parsed = AnswerParser.parse(part.shape(), previous);
            parsed.parsed().ifPresent(a -> {
                List<String> values = splitCells(AnswerParser.format(part.shape(), a), cells.size());
                for (int i = 0; i < cells.size() && i < values.size(); i++) {
                    cells.get(i).setValue(values.get(i));
                }
            });
        }
        if (fb != null) {
            for (int i = 0; i < cells.size() && i < fb.cellsCorrect().size(); i++) {
                cells.get(i).addClassName(fb.cellCorrect(i) ? "cell-right" : "cell-wrong");
            }
            Paragraph message = new Paragraph(fb.message());
            message.setId("feedback-" + part.id());
            message.addClassName(fb.correct() ? "feedback-right" : "feedback-wrong");
            box.add(message);
        }
        List<String> hints = s.hints().getOrDefault(part.id(), List.of());
        if (!hints.isEmpty() && !s.finished()) {
            UnorderedList list = new UnorderedList();
            list.setId("hints-" + part.id());
            hints.forEach(h -> {
                ListItem li = new ListItem();
                li.add(MathMarkdown.of("Hint: " + h));
                list.add(li);
            });
            box.add(list);
        }
        if (s.finished() || s.staff()) {
            Div answer = new Div(new H4("Answer"), MathMarkdown.of("`" + AnswerParser.format(part.shape(), part.expected()) + "`"));
            answer.setId("answer-key-" + part.id());
            box.add(answer);
            if (part.hasExplanation()) {
                box.add(MathMarkdown.of(part.explanation()));
            }
        }
        return box;
    }

    /** How a screen reader names a part's answer boxes: by the part, then the cell (a part's id names what it asks for). */
    private static String partName(Part part) {
        return "Answer " + part.id();
    }

    private static TextField cell(String id, boolean locked) {
        TextField t = new TextField();
        t.setId(id);
        t.setWidth("5.5rem");
        t.setReadOnly(locked);
        if (locked) {
            t.addClassName("answer-locked"); // read-only must still read well: styles.css keeps the text dark
        }
        t.getElement().setAttribute("inputmode", "decimal");
        return t;
    }

    /** Splits a formatted vector or matrix ("[[1, 2], [3, 4]]", "1, 2") into its cells in row order. */
    static List<String> splitCells(String formatted, int expected) {
        String flat = formatted.replace("[", " ").replace("]", " ").replace(";", ",");
        List<String> out = new ArrayList<>();
        for (String piece : flat.split(",")) {
            if (!piece.isBlank()) {
                out.add(piece.strip());
            }
        }
        return out.size() == expected ? out : List.of();
    }

    private static Component given(Given g) {
        Div box = new Div();
        box.addClassName("exercise-given");
        box.add(MathMarkdown.of(g.label()));
        double[][] m = g.value().toMatrix();
        if (g.value().form() == org.lectern.exercise.NumberGrid.Form.VECTOR && g.rowLabels().isEmpty()) {
            // Written as a row, the way the prompt and the seed write it; a labelled vector stays a column beside its labels.
            double[] row = new double[m.length];
            for (int i = 0; i < m.length; i++) {
                row[i] = m[i][0];
            }
            m = new double[][] {row};
        }
        Div grid = new Div();
        grid.addClassName("given-grid");
        boolean rowLabels = !g.rowLabels().isEmpty();
        grid.getStyle().set("grid-template-columns", "repeat(" + (m.length == 0 ? 1 : m[0].length + (rowLabels ? 1 : 0)) + ", auto)");
        if (!g.columnLabels().isEmpty()) {
            if (rowLabels) {
                grid.add(new Span(""));
            }
            g.columnLabels().forEach(c -> grid.add(label(c)));
        }
        for (int r = 0; r < m.length; r++) {
            if (rowLabels) {
                grid.add(label(r < g.rowLabels().size() ? g.rowLabels().get(r) : ""));
            }
            for (double v : m[r]) {
                Span cell = new Span(MathText.number(v));
                cell.addClassName("given-cell");
                grid.add(cell);
            }
        }
        grid.getElement().setAttribute("data-rows", String.valueOf(m.length));
        box.add(grid);
        return box;
    }

    /** A row or column label: text with math typeset, like the rest of the exercise (labels are ours, never student input). */
    private static Component label(String text) {
        Span span = new Span();
        span.addClassName("given-label");
        span.getElement().setProperty("innerHTML", MathMarkdown.inlineHtml(text));
        MathMarkdown.typeset(span);
        return span;
    }

    private static String status(ExerciseSheet s) {
        if (s.staff()) {
            return count(s.exercise().maxAttempts(), "attempt") + " per student · " + points(s.exercise().points());
        }
        String best = s.bestPoints() == null ? "" : " · best " + s.bestPoints().stripTrailingZeros().toPlainString() + " of "
                + points(s.exercise().points());
        if (s.solved()) {
            return "Solved" + best;
        }
        return s.attemptsLeft() == 0 ? "No attempts left" + best : count(s.attemptsLeft(), "attempt") + " left" + best;
    }

    private static String points(java.math.BigDecimal p) {
        return p.stripTrailingZeros().toPlainString() + (p.compareTo(java.math.BigDecimal.ONE) == 0 ? " point" : " points");
    }

    static String count(long n, String noun) {
        return org.lectern.ui.Plural.of(n, noun);
    }
}
