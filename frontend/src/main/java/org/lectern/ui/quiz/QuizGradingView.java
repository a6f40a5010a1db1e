package org.lectern.ui.quiz;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.lectern.course.CourseService;
import org.lectern.quiz.PendingAnswer;
import org.lectern.quiz.QuizGradingService;
import org.lectern.ui.Form;
import org.lectern.ui.Notifications;
import org.lectern.ui.course.CourseHeader;
import org.lectern.ui.course.CoursePage;

/** The TAs' queue of short text answers that matched no accepted answer: points and a comment each. */
@Route("courses/:courseId([0-9]+)/quiz-grading")
@PageTitle("Quiz grading · Lectern")
@PermitAll
public class QuizGradingView extends CoursePage {

    private final QuizGradingService quizzes;
    private final CourseService courses;

    public QuizGradingView(QuizGradingService quizzes, CourseService courses) {
        this.quizzes = quizzes;
        this.courses = courses;
    }

    @Override
    protected void render() {
        var grant = courses.open(courseId);
        add(new CourseHeader(grant, CourseHeader.Tab.QUIZZES));
        var queue = quizzes.gradingQueue(courseId);
        H3 title = new H3("Short answers to grade (" + queue.size() + ")");
        title.setId("grading-count");
        add(title);
        if (queue.isEmpty()) {
            add(new Paragraph("Nothing to grade."));
            return;
        }
        for (PendingAnswer p : queue) {
            add(card(p));
        }
    }

    private Div card(PendingAnswer p) {
        String key = p.attemptId() + "-" + p.questionId();
        Div d = new Div();
        d.setId("pending-" + key);
        d.addClassName("lectern-card");
        d.setWidthFull();
        d.add(new H4(p.quizShortName() + " · " + p.studentName() + " (" + p.studentEmail() + ")"));
        d.add(new Paragraph(p.prompt()));
        Paragraph answer = new Paragraph(p.response());
        answer.getStyle().set("white-space", "pre-wrap").set("font-family", "monospace");
        d.add(answer);
        if (!p.accepted().isEmpty()) {
            Span accepted = new Span("Accepted automatically: " + String.join(" / ", p.accepted()));
            accepted.addClassName("lectern-muted");
            d.add(accepted);
        }
        BigDecimalField points = new BigDecimalField("Points (of " + QuizView.fmt(p.points()) + ")");
        points.setId("grade-points-" + key);
        TextField comment = new TextField("Comment for the student");
        comment.setId("grade-comment-" + key);
        comment.setWidth("30em");
        Button save = new Button("Save", e -> {
            if (new Form().field(points, "points").field(comment, "comment")
                    .run(() -> quizzes.grade(p.attemptId(), p.questionId(), points.getValue(), comment.getValue()))) {
                Notifications.success("Graded; the gradebook has the new score.");
                refresh();
            }
        });
        save.setId("grade-save-" + key);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout row = new HorizontalLayout(points, comment, save);
        row.setAlignItems(Alignment.BASELINE);
        d.add(row);
        return d;
    }
}
