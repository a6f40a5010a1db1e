package org.lectern.ui.project;

import org.lectern.ui.course.TeamsPanel;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import org.lectern.course.CourseService;
import org.lectern.project.Team;
import org.lectern.project.TeamBroadcaster;
import org.lectern.project.TeamFormationService;
import org.lectern.project.TeamService;
import org.lectern.ui.LiveUpdates;
import org.lectern.ui.Notifications;
import org.lectern.ui.course.CourseHeader;
import org.lectern.ui.course.CoursePage;

/**
 * Teams: a student starts a team, invites classmates by name or e-mail, answers invitations and leaves before the
 * lock; staff see who has no team and place them ({@link TeamsPanel}), teams below the minimum, and lock teams.
 * Invitations and changes arrive by push ({@link TeamBroadcaster}), redrawn with the viewer's own role checks.
 */
@Route("courses/:courseId([0-9]+)/teams")
@PageTitle("Teams · Lectern")
@PermitAll
public class TeamsView extends CoursePage {

    private final CourseService courses;
    private final TeamFormationService formation;
    private final TeamService teams;
    private final TeamBroadcaster broadcaster;
    private final org.lectern.poster.PosterService posters;
    private final org.lectern.assignment.AssignmentService assignments;
    private final Div body = new Div();
    private boolean following;

    public TeamsView(CourseService courses, TeamFormationService formation, TeamService teams, TeamBroadcaster broadcaster,
            org.lectern.poster.PosterService posters, org.lectern.assignment.AssignmentService assignments) {
        this.posters = posters;
        this.assignments = assignments;
        this.courses = courses;
        this.formation = formation;
        this.teams = teams;
        this.broadcaster = broadcaster;
        addClassName("teams-page");
        body.setId("teams-body");
        body.setWidthFull();
    }

    @Override
    protected void render() {
        var grant = courses.open(courseId);
        add(new CourseHeader(grant, CourseHeader.Tab.TEAMS), body,
                new org.lectern.ui.poster.PosterSessionsCard(grant, posters, assignments, this::refresh));
        if (!following) {
            following = true;
            long course = courseId;
            LiveUpdates.follow(this, redraw -> broadcaster.subscribe(course, redraw), this::drawBody);
        }
        drawBody();
    }

    private void drawBody() {
        body.removeAll();
        var grant = courses.open(courseId);
        if (grant.isStaff()) {
            staff();
        } else {
            student();
        }
    }

    private String rulesLine(TeamFormationService.Settings s) {
        return "Teams of " + (s.minTeamSize() == s.maxTeamSize() ? "" + s.maxTeamSize() : s.minTeamSize() + " to " + s.maxTeamSize())
                + " students; " + (s.locked() ? "teams are locked." : s.lockAt() == null ? "teams are open." : "teams lock at the date the staff set.");
    }

    private void student() {
        var mine = formation.mine(courseId);
        Div card = new Div();
        card.addClassName("lectern-card");
        card.setId("my-team");
        card.add(new H3("Your team"), new Paragraph(rulesLine(mine.settings())));
        if (mine.team() == null) {
            card.add(new Paragraph("You are not in a team yet."));
            if (!mine.settings().locked()) {
                TextField name = new TextField("Team name");
                name.setId("start-team-name");
                Button start = new Button("Start a team", e -> {
                    if (Notifications.attempt(() -> formation.start(courseId, name.getValue()))) {
                        drawBody();
                    }
                });
                start.setId("start-team");
                start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                HorizontalLayout form = new HorizontalLayout(name, start);
                form.setAlignItems(HorizontalLayout.Alignment.BASELINE);
                form.setWrap(true);
                card.add(form);
            }
        } else {
            Team t = mine.team();
            Span title = new Span(t.name());
            title.setId("my-team-name");
            title.getStyle().set("font-weight", "600");
            card.add(title);
            Div members = new Div();
            members.setId("my-team-members");
            t.members().forEach(m -> {
                Span s = new Span(m.name());
                s.addClassName("team-member");
                members.add(s, new Span(" "));
            });
            card.add(members);
            RouterLink workspace = new RouterLink("Open the team's workspace", WorkspaceView.class,
                    new RouteParameters("teamId", Long.toString(t.id())));
            workspace.setId("open-workspace");
            card.add(new Div(workspace));
            for (var inv : mine.sent()) {
                Span line = new Span("Invited: " + inv.inviteeName() + " ");
                line.addClassName("team-sent");
                Button withdraw = new Button("Withdraw", e -> {
                    if (Notifications.attempt(() -> formation.withdraw(inv.id()))) {
                        drawBody();
                    }
                });
                withdraw.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                card.add(new Div(line, withdraw));
            }
            if (!mine.settings().locked()) {
                TextField who = new TextField("Invite a classmate");
                who.setPlaceholder("name or e-mail");
                who.setId("invite-who");
                Button invite = new Button("Invite", e -> {
                    if (Notifications.attempt(() -> formation.invite(t.id(), who.getValue()))) {
                        Notifications.success("Invitation sent.");
                        drawBody();
                    }
                });
                invite.setId("invite");
                Button leave = new Button("Leave team", e -> {
                    if (Notifications.attempt(() -> formation.leave(t.id()))) {
                        drawBody();
                    }
                });
                leave.setId("leave-team");
                leave.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                // a full team (open invitations hold places) shows no invite field; the service refuses one anyway
                boolean room = t.members().size() + mine.sent().size() < mine.settings().maxTeamSize();
                HorizontalLayout form = room ? new HorizontalLayout(who, invite, leave) : new HorizontalLayout(leave);
                form.setAlignItems(HorizontalLayout.Alignment.BASELINE);
                form.setWrap(true);
                card.add(form);
            }
        }
        body.add(card);
        if (!mine.received().isEmpty()) {
            Div inbox = new Div();
            inbox.addClassName("lectern-card");
            inbox.setId("invitations");
            inbox.add(new H3("Invitations"));
            for (var inv : mine.received()) {
                Div row = new Div();
                row.setId("invitation-" + inv.id());
                row.addClassName("team-invitation");
                Button accept = new Button("Accept", e -> {
                    if (Notifications.attempt(() -> formation.accept(inv.id()))) {
                        Notifications.success("You joined " + inv.teamName() + ".");
                        drawBody();
                    }
                });
                accept.addClassName("accept-invitation");
                accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
                Button decline = new Button("Decline", e -> {
                    if (Notifications.attempt(() -> formation.decline(inv.id()))) {
                        drawBody();
                    }
                });
                decline.addClassName("decline-invitation");
                decline.addThemeVariants(ButtonVariant.LUMO_SMALL);
                row.add(new Span(inv.inviterName() + " invites you to " + inv.teamName() + " "), accept, decline);
                inbox.add(row);
            }
            body.add(inbox);
        }
    }

    private void staff() {
        var o = formation.overview(courseId);
        Div card = new Div();
        card.addClassName("lectern-card");
        card.setId("team-overview");
        card.add(new H3("Team formation"), new Paragraph(rulesLine(o.settings())));
        if (!o.withoutTeam().isEmpty()) {
            Div none = new Div();
            none.setId("without-team");
            none.add(new Span("Without a team (" + o.withoutTeam().size() + "): "));
            o.withoutTeam().forEach(m -> {
                Span s = new Span(m.name() + " <" + m.email() + ">");
                s.addClassName("without-team-student");
                none.add(s, new Span(" · "));
            });
            card.add(none);
        } else {
            card.add(new Paragraph("Every student is in a team."));
        }
        if (!o.tooSmall().isEmpty()) {
            card.add(new Paragraph("Below the minimum: " + o.teams().stream().filter(t -> o.tooSmall().contains(t.id()))
                    .map(Team::name).reduce((a, b) -> a + ", " + b).orElse("")));
        }
        if (!o.pending().isEmpty()) {
            card.add(new Paragraph("Open invitations: " + o.pending().stream().map(i -> i.inviteeName() + " → " + i.teamName())
                    .reduce((a, b) -> a + "; " + b).orElse("")));
        }
        if (courses.open(courseId).isInstructor()) {
            TextField min = new TextField("Minimum");
            min.setValue(Integer.toString(o.settings().minTeamSize()));
            min.setWidth("6rem");
            min.setId("team-min");
            TextField max = new TextField("Maximum");
            max.setValue(Integer.toString(o.settings().maxTeamSize()));
            max.setWidth("6rem");
            max.setId("team-max");
            Button save = new Button("Save sizes", e -> {
                if (Notifications.attempt(() -> formation.configure(courseId, size(min.getValue()), size(max.getValue()),
                        o.settings().lockAt()))) {
                    drawBody();
                }
            });
            save.setId("team-sizes-save");
            Button lock = new Button(o.settings().locked() ? "Reopen teams" : "Lock teams now", e -> {
                boolean ok = o.settings().locked()
                        ? Notifications.attempt(() -> formation.configure(courseId, o.settings().minTeamSize(), o.settings().maxTeamSize(), null))
                        : Notifications.attempt(() -> formation.lockNow(courseId));
                if (ok) {
                    drawBody();
                }
            });
            lock.setId("team-lock");
            HorizontalLayout form = new HorizontalLayout(min, max, save, lock);
            form.setAlignItems(HorizontalLayout.Alignment.BASELINE);
            form.setWrap(true);
            card.add(form);
        }
        Div links = new Div(new Span("Workspaces: "));
        links.setId("workspace-links");
        o.teams().forEach(t -> links.add(new RouterLink(t.name(), WorkspaceView.class, new RouteParameters("teamId", Long.toString(t.id()))),
                new Span(" ")));
        card.add(links);
        body.add(card, new TeamsPanel(teams, courseId));
    }

    /** Sizes as typed: digits only, else a size the service refuses with its message. */
    private static Integer size(String typed) {
        String t = typed == null ? "" : typed.strip();
        return t.matches("[0-9]{1,2}") ? Integer.valueOf(t) : Integer.valueOf(-1);
    }
}
