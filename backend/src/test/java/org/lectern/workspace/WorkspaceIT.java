package org.lectern.workspace;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lectern.People.as;

import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.People;
import org.lectern.identity.Account;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.project.Team;
import org.lectern.project.TeamFormationService;
import org.springframework.beans.factory.annotation.Autowired;

@BackendTest
class WorkspaceIT {

    @Autowired Coursework coursework;
    @Autowired People people;
    @Autowired TeamFormationService formation;
    @Autowired WorkspaceService workspaces;

    static final String NOTEBOOK = """
            {"cells": [{"cell_type": "code", "source": ["print(1)"], "metadata": {}, "outputs": [], "execution_count": null}],
             "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""";

    @Test
    void membersKeepVersionedFilesAndNotesStaffSeeEveryWorkspaceOthersNone() {
        var s = coursework.setup(false);
        Team mine = as(s.student(), () -> formation.start(s.courseId(), "Mine"));
        Team theirs = as(s.otherStudent(), () -> formation.start(s.courseId(), "Theirs"));

        var v1 = as(s.student(), () -> workspaces.upload(mine.id(), "train.ipynb", NOTEBOOK.getBytes(UTF_8)));
        var v2 = as(s.student(), () -> workspaces.upload(mine.id(), "train.ipynb", NOTEBOOK.replace("print(1)", "print(2)").getBytes(UTF_8)));
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v2.version()).isEqualTo(2);
        as(s.student(), () -> workspaces.saveNotes(mine.id(), "# Plan\n<script>alert(1)</script>"));
        var w = as(s.ta(), () -> workspaces.workspace(mine.id()));
        assertThat(w.files()).extracting(WorkspaceService.FileVersion::version).containsExactly(2, 1);
        assertThat(w.notes()).startsWith("# Plan");
        assertThat(new String(as(s.ta(), () -> workspaces.file(v1.id())).content(), UTF_8)).contains("print(1)");

        // another team's workspace and files do not exist for a student, nor for an outsider
        assertThatThrownBy(() -> as(s.otherStudent(), () -> workspaces.workspace(mine.id())))
                .isInstanceOf(NotFoundException.class).hasMessage("No team " + mine.id() + ".");
        assertThatThrownBy(() -> as(s.otherStudent(), () -> workspaces.file(v1.id())))
                .isInstanceOf(NotFoundException.class).hasMessage("No file " + v1.id() + ".");
        assertThatThrownBy(() -> as(s.otherStudent(), () -> workspaces.file(-7)))
                .isInstanceOf(NotFoundException.class).hasMessage("No file -7.");
        assertThatThrownBy(() -> as(s.otherStudent(), () -> workspaces.upload(mine.id(), "x.txt", new byte[] {1})))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(s.student(), () -> workspaces.saveNotes(theirs.id(), "mine now"))).isInstanceOf(NotFoundException.class);
        Account stranger = people.user("stranger");
        assertThatThrownBy(() -> as(stranger, () -> workspaces.workspace(mine.id()))).isInstanceOf(NotFoundException.class);

        // bad files are refused in words and store nothing
        assertThatThrownBy(() -> as(s.student(), () -> workspaces.upload(mine.id(), "../../etc/passwd", new byte[] {1})))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> as(s.student(), () -> workspaces.upload(mine.id(), "broken.ipynb", "{".getBytes(UTF_8))))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("broken.ipynb is not a Jupyter notebook");
        assertThatThrownBy(() -> as(s.student(), () -> workspaces.upload(mine.id(), "big.bin", new byte[WorkspaceService.MAX_FILE_BYTES + 1])))
                .isInstanceOf(InvalidInputException.class);
        assertThat(as(s.student(), () -> workspaces.workspace(mine.id())).files()).hasSize(2);

        // staff give a team a mentor TA; students cannot, and a student is no mentor
        assertThat(as(s.instructor(), () -> workspaces.setMentor(mine.id(), s.ta().id())).mentorName()).isEqualTo("ta");
        assertThatThrownBy(() -> as(s.student(), () -> workspaces.setMentor(mine.id(), s.ta().id()))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(s.ta(), () -> workspaces.setMentor(mine.id(), s.student().id())))
                .isInstanceOf(InvalidInputException.class).hasMessage("A mentor is one of the course's TAs or instructors.");
        assertThat(as(s.student(), () -> workspaces.workspace(mine.id())).mentorName()).isEqualTo("ta");
    }
}
