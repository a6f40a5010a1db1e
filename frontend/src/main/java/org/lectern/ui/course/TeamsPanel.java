package org.lectern.ui.course;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Arrays;
import java.util.List;
import org.lectern.project.Team;
import org.lectern.project.TeamService;
import org.lectern.ui.Notifications;

/**
 * Staff's teams of a course (project teams; training quotas are shared per team): make a team with its members'
 * e-mails, add or take out a member. The service refuses a full team or a student already in another team.
 */
public class TeamsPanel extends Div {

    private final TeamService teams;
    private final long courseId;

    public TeamsPanel(TeamService teams, long courseId) {
        this.teams = teams;
        this.courseId = courseId;
        setId("teams-panel");
        addClassName("lectern-card");
        draw();
    }

    private void draw() {
        removeAll();
        List<Team> all = teams.teams(courseId);
        int max = teams.maxTeamSize(courseId);
        add(new H3("Teams (" + all.size() + ")"), new Paragraph("Up to " + max + " students per team; a student is in one team at most."));
        TextField name = new TextField("New team");
        name.setId("team-name");
        name.setPlaceholder("Team name");
        TextField emails = new TextField("Members' e-mails (comma-separated)");
        emails.setId("team-emails");
        emails.setWidth("28rem");
        Button create = new Button("Create team", e -> {
            List<String> list = Arrays.stream(emails.getValue().split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
            if (Notifications.attempt(() -> teams.createWithMembers(courseId, name.getValue(), list))) {
                Notifications.success("Team " + name.getValue().strip() + " created.");
                draw();
            }
        });
        create.setId("team-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(name, emails, create);
        form.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        form.setWrap(true);
        add(form);
        for (Team t : all) {
            add(team(t, max));
        }
    }

    private Div team(Team t, int max) {
        Div row = new Div();
        row.setId("team-" + t.id());
        row.addClassName("team-row");
        row.add(new Span(t.name() + " (" + t.members().size() + "/" + max + "): "));
        for (Team.Member m : t.members()) {
            Button out = new Button("×", e -> org.lectern.ui.Confirm.ask("Remove " + m.name() + " from " + t.name() + "?", "They leave the team and its workspace.", "Remove", () -> {
                if (Notifications.attempt(() -> teams.removeMember(t.id(), m.accountId()))) {
                    draw();
                }
            }));
            out.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            out.getElement().setAttribute("aria-label", "take " + m.name() + " out of " + t.name());
            Span member = new Span(m.name() + " <" + m.email() + ">");
            member.addClassName("team-member");
            row.add(member, out);
        }
        if (t.members().size() < max) {
            TextField email = new TextField();
            email.setPlaceholder("add by e-mail");
            email.setAriaLabel("Add to " + t.name() + " by e-mail");
            email.setId("team-add-" + t.id());
            Button add = new Button("Add", e -> {
                if (Notifications.attempt(() -> teams.addMember(t.id(), email.getValue()))) {
                    draw();
                }
            });
            add.setId("team-add-button-" + t.id());
            add.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            row.add(email, add);
        }
        return row;
    }
}
