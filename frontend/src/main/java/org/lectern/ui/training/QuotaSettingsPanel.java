package org.lectern.ui.training;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import java.time.ZoneId;
import org.lectern.project.TeamService;
import org.lectern.training.TrainingService;
import org.lectern.training.TrainingSettings;
import org.lectern.ui.Notifications;

/** Instructors: the week's worker time per student and per team, and the team size. */
class QuotaSettingsPanel extends VerticalLayout {

    QuotaSettingsPanel(TrainingService training, TeamService teams, long courseId, ZoneId zone, Runnable saved) {
        TrainingSettings current = training.settings(courseId);
        IntegerField perStudent = new IntegerField("Seconds per student per week");
        perStudent.setId("training-quota-per-student");
        perStudent.setValue(current.studentSecondsPerWeek());
        IntegerField perTeam = new IntegerField("Seconds per team per week");
        perTeam.setId("training-quota-per-team");
        perTeam.setValue(current.teamSecondsPerWeek());
        IntegerField teamSize = new IntegerField("Students per team");
        teamSize.setId("training-team-size");
        teamSize.setValue(teams.maxTeamSize(courseId));
        Button save = new Button("Save quotas", e -> {
            if (perStudent.getValue() == null || perTeam.getValue() == null || teamSize.getValue() == null) {
                Notifications.error("Fill in all three numbers.");
                return;
            }
            if (Notifications.attempt(() -> {
                training.updateSettings(courseId, new TrainingSettings(perStudent.getValue(), perTeam.getValue()));
                teams.setMaxTeamSize(courseId, teamSize.getValue());
            })) {
                Notifications.success("Saved.");
                saved.run();
            }
        });
        save.setId("training-quota-save");
        Paragraph how = new Paragraph("Runs are charged the worker time they used; a run starts only when its estimate fits what the student"
                + " and their team have left this week, and it is stopped where that ends. Weeks start on Monday at 00:00, "
                + zone.getId() + ". Teams are made by staff over the API (POST /api/v1/courses/" + courseId + "/teams).");
        how.addClassName("lectern-muted");
        add(new H3("Quotas (instructors)"), how, new FormLayout(perStudent, perTeam, teamSize), save);
        setPadding(false);
    }
}
