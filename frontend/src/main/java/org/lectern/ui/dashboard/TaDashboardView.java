package org.lectern.ui.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import org.lectern.assignment.Assignment;
import org.lectern.assignment.AssignmentService;
import org.lectern.course.CourseService;
import org.lectern.dashboard.DashboardBroadcaster;
import org.lectern.dashboard.TaDashboardService;
import org.lectern.officehours.OfficeHoursBroadcaster;
import org.lectern.officehours.OfficeHoursService;
import org.lectern.plagiarism.PlagiarismBroadcaster;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.select.Select;
import org.lectern.course.CourseRole;
import org.lectern.course.Member;
import org.lectern.ui.Notifications;
import org.lectern.written.GradingSplitService;
import org.lectern.written.WrittenQuestion;
import org.lectern.written.WrittenService;
import org.lectern.ui.LiveUpdates;
import org.lectern.ui.assignment.AssignmentsView;
import org.lectern.ui.course.CourseHeader;
import org.lectern.ui.course.CoursePage;
import org.lectern.ui.extensionrequest.ExtensionRequestsView;
import org.lectern.ui.officehours.OfficeHoursView;
import org.lectern.ui.quiz.QuizGradingView;
import org.lectern.ui.quiz.QuizzesView;
import org.lectern.ui.written.RegradeRequestsView;
import org.lectern.ui.written.WrittenGradingView;

/**
 * The TA's start page: what waits for course staff now, each count with a link to where the work is. The counts come
 * from {@link TaDashboardService} (staff only) and are counted again when the course's waiting work changes
 * ({@link DashboardBroadcaster}; office-hours queues and plagiarism checks push on their own channels, followed too).
 */
@Route("courses/:courseId([0-9]+)/dashboard")
@PageTitle("Dashboard · Lectern")
@PermitAll
public class TaDashboardView extends CoursePage {

    private final CourseService courses;
    private final TaDashboardService dashboard;
    private final AssignmentService assignments;
    private final WrittenService written;
    private final DashboardBroadcaster pushes;
    private final OfficeHoursService officeHours;
    private final OfficeHoursBroadcaster officeHoursPushes;
    private final PlagiarismBroadcaster plagiarismPushes;
    private final GradingSplitService split;

    public TaDashboardView(CourseService courses, TaDashboardService dashboard, AssignmentService assignments, WrittenService written,
                           DashboardBroadcaster pushes, OfficeHoursService officeHours, OfficeHoursBroadcaster officeHoursPushes,
                           PlagiarismBroadcaster plagiarismPushes, GradingSplitService split) {
        this.split = split;
        this.courses = courses;
        this.dashboard = dashboard;
        this.assignments = assignments;
        this.written = written;
        this.pushes = pushes;
        this.officeHours = officeHours;
        this.officeHoursPushes = officeHoursPushes;
        this.plagiarismPushes = plagiarismPushes;
        addClassName("ta-dashboard");
    }

    @Override
    protected void render() {
        var grant = courses.open(courseId);
        add(new CourseHeader(grant, CourseHeader.Tab.DASHBOARD));
        Div counts = new Div();
        counts.setId("waiting");
        counts.setWidthFull();
        drawCounts(counts); // staff only: a student ends on the error view
        add(new H3("Waiting for course staff"), counts);
        List<Assignment> all = assignments.list(courseId);
        long course = courseId;
        LiveUpdates.follow(counts, redraw -> pushes.course(course, redraw), () -> drawCounts(counts), "The dashboard's counts were updated.");
        var now = java.time.Instant.now();
        officeHours.sessions(courseId).stream().filter(s -> s.isOpen(now))
                .forEach(s -> LiveUpdates.follow(counts, redraw -> officeHoursPushes.subscribe(s.id(), redraw), () -> drawCounts(counts),
                        "The dashboard's counts were updated."));
        all.forEach(a -> LiveUpdates.follow(counts, redraw -> plagiarismPushes.assignment(a.id(), redraw), () -> drawCounts(counts),
                "The dashboard's counts were updated."));
        Div progress = new Div();
        progress.setId("grading-progress");
        progress.setWidthFull();
        drawProgress(progress);
        LiveUpdates.follow(progress, redraw -> pushes.course(course, redraw), () -> drawProgress(progress), "Grading progress was updated.");
        add(progress, writtenQuestions(all, grant.isInstructor()));
    }

    /** Each TA's written answers, graded of assigned (instructors: the whole staff; a TA: their own). */
    private void drawProgress(Div d) {
        d.removeAll();
        var lines = split.progress(courseId);
        if (lines.stream().allMatch(p -> p.assigned() == 0)) {
            return;
        }
        d.add(new H3("Written grading progress"));
        for (GradingSplitService.Progress p : lines) {
            if (p.graderId() == 0 && p.assigned() == 0) {
                continue;
            }
            Div line = new Div(new Span(p.grader() + ": " + p.graded() + " of " + p.assigned() + " graded"));
            line.setId("progress-" + p.graderId());
            Div bar = new Div();
            int pct = p.assigned() == 0 ? 0 : p.graded() * 100 / p.assigned();
            bar.getStyle().set("height", "6px").set("width", pct + "%").set("background", "var(--lumo-success-color)")
                    .set("border-radius", "3px");
            Div track = new Div(bar);
            track.getStyle().set("background", "var(--lumo-contrast-10pct)").set("border-radius", "3px").set("max-width", "30em");
            line.add(track);
            line.getStyle().set("margin-bottom", "var(--lumo-space-s)");
            d.add(line);
        }
    }

    private void drawCounts(Div counts) {
        counts.removeAll();
        RouteParameters params = new RouteParameters("courseId", Long.toString(courseId));
        for (TaDashboardService.Waiting w : dashboard.waiting(courseId)) {
            Div card = new Div();
            card.addClassName("lectern-card");
            card.setId("waiting-" + w.key());
            card.setWidthFull();
            Span count = new Span(Integer.toString(w.count()));
            count.setId("count-" + w.key());
            count.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600").set("margin-right", "var(--lumo-space-m)");
            card.add(count, link(w, params));
            counts.add(card);
        }
    }

    private Component link(TaDashboardService.Waiting w, RouteParameters params) {
        RouterLink link = switch (w.key()) {
            case "quiz-short-answers" -> new RouterLink(w.label(), QuizGradingView.class, params);
            case "regrade-requests" -> new RouterLink(w.label(), RegradeRequestsView.class, params);
            case "extension-requests" -> new RouterLink(w.label(), ExtensionRequestsView.class, params);
            case "must-pass" -> new RouterLink(w.label(), QuizzesView.class, params);
            case "office-hours" -> new RouterLink(w.label(), OfficeHoursView.class, params);
            case "written" -> null;
            default -> new RouterLink(w.label(), AssignmentsView.class, params);
        };
        if (link == null) {
            return new Span(w.label() + " (by question below)");
        }
        link.setId("link-" + w.key());
        return link;
    }

    /** Instructors: how the assignment's written answers are shared among the TAs, and whether names are hidden. */
    private Div setupForm(Assignment a, List<WrittenQuestion> questions) {
        var setup = split.setup(a.id());
        Div form = new Div();
        form.setId("grading-setup-" + a.id());
        form.addClassName("lectern-card");
        form.setWidthFull();
        Select<String> mode = new Select<>();
        mode.setLabel(a.shortName() + ": who grades which answer");
        mode.setId("split-" + a.id());
        mode.setItems("none", "section", "question", "even");
        mode.setItemLabelGenerator(m -> switch (m) {
            case "section" -> "By section (each student's section TA)";
            case "question" -> "By question (TAs named per question)";
            case "even" -> "Evenly (students dealt round the TAs)";
            default -> "Not split (everyone grades from one queue)";
        });
        mode.setValue(setup.split());
        Checkbox anonymous = new Checkbox("Anonymous grading (names hidden until a question is done)", setup.anonymous());
        anonymous.setId("anonymous-" + a.id());
        List<Member> tas = courses.roster(courseId).stream().filter(m -> m.role() == CourseRole.TA).toList();
        Map<Long, MultiSelectComboBox<Member>> pickers = new java.util.LinkedHashMap<>();
        Div perQuestion = new Div();
        for (WrittenQuestion q : questions) {
            MultiSelectComboBox<Member> pick = new MultiSelectComboBox<>("Q" + q.number() + " graders");
            pick.setId("graders-" + q.id());
            pick.setItems(tas);
            pick.setItemLabelGenerator(Member::name);
            var chosen = setup.questionGraders().getOrDefault(q.id(), List.of());
            pick.setValue(tas.stream().filter(m -> chosen.contains(m.accountId())).collect(java.util.stream.Collectors.toSet()));
            pick.setWidthFull();
            pickers.put(q.id(), pick);
            perQuestion.add(pick);
        }
        perQuestion.setVisible("question".equals(setup.split()));
        mode.addValueChangeListener(e -> perQuestion.setVisible("question".equals(e.getValue())));
        Button save = new Button("Save", e -> {
            Map<Long, List<Long>> graders = new java.util.HashMap<>();
            pickers.forEach((q, pick) -> graders.put(q, pick.getValue().stream().map(Member::accountId).toList()));
            if (Notifications.attempt(() -> split.saveSetup(a.id(), new GradingSplitService.Setup(mode.getValue(), anonymous.getValue(), graders)))) {
                Notifications.success("Saved: each TA's queue follows.");
                refresh();
            }
        });
        save.setId("grading-setup-save-" + a.id());
        form.add(mode, anonymous, perQuestion, save);
        return form;
    }

    /** Each written question of the course, linking to its grading page. */
    private Div writtenQuestions(List<Assignment> all, boolean instructor) {
        Div d = new Div();
        d.setId("written-questions");
        d.setWidthFull();
        d.add(new H3("Written questions"));
        boolean any = false;
        for (Assignment a : all) {
            List<WrittenQuestion> questions = written.questions(a.id());
            if (instructor && !questions.isEmpty()) {
                d.add(setupForm(a, questions));
            }
            for (WrittenQuestion q : questions) {
                any = true;
                RouterLink link = new RouterLink(a.shortName() + " · Q" + q.number() + " " + q.title() + " (" + q.points().toPlainString() + " points)",
                        WrittenGradingView.class, new RouteParameters(Map.of("courseId", Long.toString(courseId),
                                "assignmentId", Long.toString(a.id()), "questionId", Long.toString(q.id()))));
                link.setId("grade-question-" + q.id());
                Div line = new Div(link);
                line.getStyle().set("overflow-wrap", "anywhere");
                d.add(line);
            }
        }
        if (!any) {
            d.add(new Paragraph("No assignment has written questions yet."));
        }
        return d;
    }
}
