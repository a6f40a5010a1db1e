package org.lectern.ui.written;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.lectern.course.CourseService;
import org.lectern.written.RegradeRequest;
import org.lectern.written.RegradeService;
import org.lectern.ui.Dates;
import org.lectern.ui.Form;
import org.lectern.ui.Notifications;
import org.lectern.ui.course.CourseHeader;
import org.lectern.ui.course.CoursePage;

/**
 * Staff answer regrade requests: each open request with the student's reason and the score when they asked, a link to
 * that answer on the grading page (change the grade there, or leave it), and a note; answering stores the score as it
 * then stands, so the student reads the outcome and the change. Answered requests follow, newest decisions last.
 */
@Route("courses/:courseId([0-9]+)/regrade-requests")
@PageTitle("Regrade requests · Lectern")
@PermitAll
public class RegradeRequestsView extends CoursePage {

    private final CourseService courses;
    private final RegradeService regrades;

    public RegradeRequestsView(CourseService courses, RegradeService regrades) {
        this.courses = courses;
        this.regrades = regrades;
        addClassName("regrade-requests");
    }

    @Override
    protected void render() {
        var grant = courses.open(courseId);
        add(new CourseHeader(grant, CourseHeader.Tab.DASHBOARD));
        List<RegradeRequest> all = regrades.courseRequests(courseId); // staff only
        ZoneId zone = grant.course().timeZone();
        H3 title = new H3("Regrade requests (" + all.stream().filter(RegradeRequest::open).count() + " open)");
        title.setId("regrade-requests-title");
        add(title);
        if (all.isEmpty()) {
            add(new Paragraph("No student has asked for a regrade."));
        }
        for (RegradeRequest r : all) {
            add(card(r, zone));
        }
    }

    private Div card(RegradeRequest r, ZoneId zone) {
        Div d = new Div();
        d.setId("regrade-request-" + r.id());
        d.addClassName("lectern-card");
        d.setWidthFull();
        d.getStyle().set("overflow-wrap", "anywhere");
        d.add(new H4(r.studentName() + " · " + r.assignmentName() + " Q" + r.questionNumber() + " " + r.questionTitle()));
        Span asked = new Span("Asked " + Dates.dateTime(r.askedAt(), zone) + " · score then " + points(r.scoreBefore()));
        asked.addClassName("lectern-muted");
        Paragraph reason = new Paragraph(r.reason());
        reason.getStyle().set("white-space", "pre-wrap");
        d.add(asked, reason);
        RouterLink grade = new RouterLink("Open this answer to change the grade", WrittenGradingView.class,
                new RouteParameters(Map.of("courseId", Long.toString(courseId), "assignmentId", Long.toString(r.assignmentId()),
                        "questionId", Long.toString(r.questionId()))));
        grade.setQueryParameters(QueryParameters.of("student", Long.toString(r.accountId())));
        grade.setId("regrade-open-" + r.id());
        d.add(new Div(grade));
        if (r.open()) {
            TextArea answer = new TextArea("Answer to the student");
            answer.setId("regrade-answer-" + r.id());
            answer.setWidthFull();
            answer.setMaxLength(2000);
            Form form = new Form().required(answer, "Write the answer the student will read.", "answer");
            Button send = new Button("Answer", e -> form.submit(() -> regrades.answer(r.id(), answer.getValue())).ifPresent(x -> {
                Notifications.success("Answered: " + points(x.scoreBefore()) + " → " + points(x.scoreAfter()) + ".");
                refresh();
            }));
            send.setId("regrade-send-" + r.id());
            send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            d.add(answer, send);
        } else {
            Span outcome = new Span("Answered " + Dates.dateTime(r.answeredAt(), zone) + ": " + points(r.scoreBefore()) + " → " + points(r.scoreAfter()));
            outcome.setId("regrade-outcome-" + r.id());
            outcome.getStyle().set("font-weight", "600");
            Paragraph note = new Paragraph(r.answer());
            note.getStyle().set("white-space", "pre-wrap");
            d.add(new Div(outcome), note);
        }
        return d;
    }

    static String points(BigDecimal b) {
        return b == null ? "ungraded" : b.stripTrailingZeros().toPlainString();
    }
}
