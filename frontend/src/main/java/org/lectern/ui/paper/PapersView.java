package org.lectern.ui.paper;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.lectern.course.CourseService;
import org.lectern.paper.Paper;
import org.lectern.paper.PaperDraft;
import org.lectern.paper.PaperReviewService;
import org.lectern.paper.PaperRole;
import org.lectern.paper.PaperService;
import org.lectern.paper.Review;
import org.lectern.paper.ReviewDraft;
import org.lectern.platform.NumberLimits;
import org.lectern.project.Team;
import org.lectern.project.TeamService;
import org.lectern.ui.Notifications;
import org.lectern.ui.course.CourseHeader;
import org.lectern.ui.course.CoursePage;

/**
 * The reading list: each paper with its lecture, its group and roles. Students claim a paper for their team, cast
 * their roles, write their weekly review and see their own grades; staff add papers, assign groups, grade roles and
 * reviews, and read the questions for the discussion. The presenter view runs the timer.
 */
@Route("courses/:courseId([0-9]+)/papers")
@PageTitle("Papers · Lectern")
@PermitAll
public class PapersView extends CoursePage {

    /** The app's date pattern for lists (as on the grades and surveys pages). */
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE MMM d, HH:mm", Locale.ENGLISH);

    private final CourseService courses;
    private final PaperService papers;
    private final PaperReviewService reviews;
    private final TeamService teams;

    public PapersView(CourseService courses, PaperService papers, PaperReviewService reviews, TeamService teams) {
        this.courses = courses;
        this.papers = papers;
        this.reviews = reviews;
        this.teams = teams;
        addClassName("papers-page");
    }

    @Override
    protected void render() {
        var grant = courses.open(courseId);
        ZoneId zone = grant.course().timeZone();
        add(new CourseHeader(grant, CourseHeader.Tab.PAPERS));
        List<PaperRole> roles = papers.roles(courseId);
        add(new Paragraph("Presentation roles: " + roles.stream().map(r -> r.name() + " " + r.minutes() + " min")
                .reduce((a, b) -> a + " · " + b).orElse("")));
        if (grant.isStaff()) {
            add(createForm(zone));
        }
        List<Paper> list = papers.papers(courseId);
        if (list.isEmpty()) {
            add(new Paragraph("No papers yet."));
        }
        List<Team> allTeams = grant.isStaff() ? teams.teams(courseId) : List.of();
        Team mine = grant.isStaff() ? null : teams.myTeam(courseId).orElse(null);
        for (Paper p : list) {
            add(card(p, roles, zone, grant.isStaff(), allTeams, mine));
        }
    }

    private Div createForm(ZoneId zone) {
        Div card = new Div();
        card.addClassName("lectern-card");
        card.setId("paper-create");
        TextField shortName = new TextField("Short name (reviews' gradebook item)");
        shortName.setId("paper-short-name");
        TextField title = new TextField("Title");
        title.setId("paper-title");
        title.setWidth("24rem");
        TextField authors = new TextField("Authors");
        TextField link = new TextField("Link (https)");
        // Day and time as two fields: they wrap on a phone, where a date-time picker's pair runs past the edge.
        DatePicker lecture = new DatePicker("Lecture day");
        lecture.setId("paper-lecture");
        TimePicker lectureTime = new TimePicker("Lecture time (" + zone.getId() + ")");
        lectureTime.setId("paper-lecture-time");
        TextField points = new TextField("Review points");
        points.setValue("10");
        points.setWidth("7rem");
        Button add = new Button("Add paper", e -> {
            if (lecture.getValue() == null || lectureTime.getValue() == null) {
                Notifications.error("Pick the day and time of the lecture that discusses the paper.");
                return;
            }
            if (Notifications.attempt(() -> papers.create(courseId, new PaperDraft(shortName.getValue(), title.getValue(), authors.getValue(),
                    link.getValue(), lecture.getValue().atTime(lectureTime.getValue()).atZone(zone).toInstant(), NumberLimits.parse(points.getValue(), "Review points"))))) {
                refresh();
            }
        });
        add.setId("paper-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(shortName, title, authors, link, lecture, lectureTime, points, add);
        form.setWrap(true);
        form.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        card.add(new H3("Add a paper"), form);
        return card;
    }

    private Div card(Paper p, List<PaperRole> roles, ZoneId zone, boolean staff, List<Team> allTeams, Team mine) {
        Div card = new Div();
        card.addClassName("lectern-card");
        card.addClassName("paper-card");
        card.setId("paper-" + p.id());
        H3 title = new H3(p.shortName() + " · " + p.title());
        card.add(title);
        Span meta = new Span((p.authors().isBlank() ? "" : p.authors() + " · ") + "discussed " + WHEN.format(p.lectureAt().atZone(zone))
                + " · " + (p.teamName() == null ? "no group yet" : "presented by " + p.teamName()));
        meta.addClassName("lectern-muted");
        card.add(new Div(meta));
        if (!p.link().isBlank()) {
            Anchor a = new Anchor(p.link(), "Read the paper");
            a.setTarget("_blank");
            a.getElement().setAttribute("rel", "noopener noreferrer");
            card.add(new Div(a));
        }
        card.add(new RouterLink("Presenter view", PresenterView.class, new RouteParameters("paperId", Long.toString(p.id()))));
        UnorderedList cast = new UnorderedList();
        for (PaperRole r : roles) {
            String holder = p.holders().stream().filter(h -> h.position() == r.position()).map(Paper.Holder::name).findFirst().orElse("—");
            cast.add(new ListItem(r.name() + " (" + r.minutes() + " min): " + holder));
        }
        card.add(cast);
        boolean presenting = mine != null && p.teamId() != null && p.teamId() == mine.id();
        if (staff) {
            ComboBox<Team> group = new ComboBox<>("Group");
            group.setItems(allTeams);
            group.setItemLabelGenerator(Team::name);
            allTeams.stream().filter(t -> p.teamId() != null && t.id() == p.teamId()).findFirst().ifPresent(group::setValue);
            Button assign = new Button("Assign", e -> {
                if (Notifications.attempt(() -> papers.assign(p.id(), group.getValue() == null ? null : group.getValue().id()))) {
                    refresh();
                }
            });
            HorizontalLayout row = new HorizontalLayout(group, assign);
            row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
            card.add(row);
        } else if (p.teamId() == null && mine != null) {
            Button claim = new Button("Claim for " + mine.name(), e -> {
                if (Notifications.attempt(() -> papers.claim(p.id()))) {
                    refresh();
                }
            });
            claim.addClassName("paper-claim");
            card.add(claim);
        }
        if (presenting || staff) {
            Team team = presenting ? mine : allTeams.stream().filter(t -> p.teamId() != null && t.id() == p.teamId()).findFirst().orElse(null);
            if (team != null) {
                ComboBox<PaperRole> role = new ComboBox<>("Role");
                role.setItems(roles);
                role.setItemLabelGenerator(PaperRole::name);
                ComboBox<Team.Member> who = new ComboBox<>("Played by");
                who.setItems(team.members());
                who.setItemLabelGenerator(Team.Member::name);
                Button set = new Button("Set", e -> {
                    if (role.getValue() != null && who.getValue() != null
                            && Notifications.attempt(() -> papers.cast(p.id(), role.getValue().position(), who.getValue().accountId()))) {
                        refresh();
                    }
                });
                HorizontalLayout row = new HorizontalLayout(role, who, set);
                row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
                row.setWrap(true);
                card.add(row);
            }
        }
        if (staff) {
            staffGrading(card, p);
        } else {
            studentReview(card, p);
        }
        return card;
    }

    private void staffGrading(Div card, Paper p) {
        for (var g : papers.grades(p.id())) {
            TextField score = new TextField(g.role() + " · " + g.name());
            score.setValue(g.score() == null ? "" : g.score().stripTrailingZeros().toPlainString());
            score.setWidth("10rem");
            TextField comment = new TextField("Comment");
            comment.setValue(g.comment());
            Button save = new Button("Grade", e -> {
                if (Notifications.attempt(() -> papers.gradeRole(p.id(), g.position(), NumberLimits.parse(score.getValue(), "The score"),
                        comment.getValue()))) {
                    Notifications.success("Graded.");
                }
            });
            HorizontalLayout row = new HorizontalLayout(score, comment, save);
            row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
            row.setWrap(true);
            card.add(row);
        }
        List<Review> all = reviews.reviews(p.id());
        card.add(new H4("Reviews (" + all.size() + ")"));
        for (Review r : all) {
            Div box = new Div();
            box.addClassName("paper-review");
            box.add(new Paragraph(r.name() + (r.daysLate() > 0 ? " · " + r.daysLate() + " day(s) late" : "")));
            box.add(part("Summary", r.summary()), part("Strengths", r.strengths()), part("Weaknesses", r.weaknesses()),
                    part("Suggestions", r.suggestions()), part("Questions", r.questions()));
            TextField score = new TextField("Score (of " + p.reviewPoints().stripTrailingZeros().toPlainString() + ")");
            score.setValue(r.score() == null ? "" : r.score().stripTrailingZeros().toPlainString());
            score.setWidth("9rem");
            TextField comment = new TextField("Comment");
            comment.setValue(r.comment());
            Button save = new Button("Grade", e -> {
                if (Notifications.attempt(() -> reviews.grade(p.id(), r.accountId(), NumberLimits.parse(score.getValue(), "The score"),
                        comment.getValue()))) {
                    Notifications.success("Graded.");
                }
            });
            HorizontalLayout row = new HorizontalLayout(score, comment, save);
            row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
            box.add(row);
            card.add(box);
        }
    }

    private void studentReview(Div card, Paper p) {
        for (var g : papers.grades(p.id())) {
            card.add(new Paragraph("Your role " + g.role() + ": " + (g.score() == null ? "not graded yet"
                    : g.score().stripTrailingZeros().toPlainString() + (g.comment().isBlank() ? "" : " · " + g.comment()))));
        }
        Review mine = reviews.mine(p.id()).orElse(null);
        card.add(new H4("Your review"));
        if (mine != null && mine.score() != null) {
            card.add(new Paragraph("Graded: " + mine.score().stripTrailingZeros().toPlainString() + " of "
                    + p.reviewPoints().stripTrailingZeros().toPlainString() + (mine.comment().isBlank() ? "" : " · " + mine.comment())));
            return;
        }
        TextArea summary = area("Summary", mine == null ? "" : mine.summary());
        TextArea strengths = area("Strengths", mine == null ? "" : mine.strengths());
        TextArea weaknesses = area("Weaknesses", mine == null ? "" : mine.weaknesses());
        TextArea suggestions = area("Suggestions", mine == null ? "" : mine.suggestions());
        TextArea questions = area("Questions for the discussion", mine == null ? "" : mine.questions());
        summary.addClassName("review-summary");
        Button send = new Button(mine == null ? "Submit review" : "Update review", e -> {
            if (Notifications.attempt(() -> reviews.submit(p.id(), new ReviewDraft(summary.getValue(), strengths.getValue(),
                    weaknesses.getValue(), suggestions.getValue(), questions.getValue())))) {
                Notifications.success("Review saved.");
                refresh();
            }
        });
        send.addClassName("review-submit");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (mine != null) {
            card.add(new Paragraph("Saved" + (mine.daysLate() > 0 ? ", " + mine.daysLate() + " day(s) late" : "") + "."));
        }
        card.add(summary, strengths, weaknesses, suggestions, questions, send);
    }

    private static TextArea area(String label, String value) {
        TextArea a = new TextArea(label);
        a.setWidthFull();
        a.setMaxLength(8000);
        a.setValue(value);
        return a;
    }

    private static Div part(String label, String text) {
        Div d = new Div();
        Span l = new Span(label + ": ");
        l.getStyle().set("font-weight", "600");
        d.add(l, new Span(text)); // plain text: Span escapes it
        return d;
    }
}
