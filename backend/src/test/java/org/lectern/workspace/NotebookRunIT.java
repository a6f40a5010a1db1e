package org.lectern.workspace;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.lectern.People.as;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.notebooks.Notebook;
import org.lectern.platform.ConflictException;
import org.lectern.platform.NotFoundException;
import org.lectern.project.Team;
import org.lectern.project.TeamFormationService;
import org.lectern.training.TrainingService;
import org.lectern.training.TrainingSettings;
import org.springframework.beans.factory.annotation.Autowired;

@BackendTest
class NotebookRunIT {

    @Autowired Coursework coursework;
    @Autowired TeamFormationService formation;
    @Autowired WorkspaceService workspaces;
    @Autowired NotebookRunService runs;
    @Autowired TrainingService training;

    static final String NOTEBOOK = """
            {"cells": [
              {"cell_type": "markdown", "source": "# Training", "metadata": {}},
              {"cell_type": "code", "source": ["x = sum(range(10))\\n", "print('sum', x)"], "metadata": {}, "outputs": [], "execution_count": null},
              {"cell_type": "code", "source": "%matplotlib inline\\nprint(x * 2)", "metadata": {}, "outputs": [], "execution_count": null}
             ], "metadata": {"kernelspec": {"name": "python3", "language": "python"}}, "nbformat": 4, "nbformat_minor": 5}""";

    @Test
    void aMemberRunsANotebookOnThePoolAndTheExecutedNotebookIsANewVersion() {
        var s = coursework.setup(false);
        Team team = as(s.student(), () -> formation.start(s.courseId(), "Runners"));
        Team other = as(s.otherStudent(), () -> formation.start(s.courseId(), "Others"));
        var file = as(s.student(), () -> workspaces.upload(team.id(), "train.ipynb", NOTEBOOK.getBytes(UTF_8)));

        var run = as(s.student(), () -> runs.start(file.id()));
        assertThat(run.codeCells()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> as(s.student(), () -> runs.run(run.id())).ended());
        var done = as(s.student(), () -> runs.run(run.id()));
        assertThat(done.status()).as(done.problem()).isEqualTo("FINISHED");
        assertThat(done.cells()).extracting(ExecutedNotebook.Output::stdout).containsExactly("sum 45\n", "90\n");
        assertThat(done.packages()).first().asString().startsWith("python 3.");
        var executed = as(s.student(), () -> workspaces.file(done.resultFileId()));
        assertThat(executed.file().version()).isEqualTo(2);
        Notebook nb = Notebook.parse(executed.content());
        assertThat(nb.cells().get(1).executionCount()).isEqualTo(1);
        assertThat(new String(executed.content(), UTF_8)).contains("sum 45");

        // another team's student: no such run, no such team's runs, cannot start theirs
        assertThatThrownBy(() -> as(s.otherStudent(), () -> runs.run(run.id())))
                .isInstanceOf(NotFoundException.class).hasMessage("No notebook run " + run.id() + ".");
        assertThatThrownBy(() -> as(s.otherStudent(), () -> runs.runs(team.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(s.otherStudent(), () -> runs.start(file.id()))).isInstanceOf(NotFoundException.class);
        assertThat(as(s.ta(), () -> runs.runs(team.id()))).hasSize(1);
        assertThatThrownBy(() -> as(s.ta(), () -> runs.start(file.id()))).isInstanceOf(ConflictException.class);
        assertThat(other.id()).isNotEqualTo(team.id());
    }

    @Test
    void aRunMustFitTheTeamsWeeklyWorkerTime() {
        var s = coursework.setup(false);
        as(s.instructor(), () -> training.updateSettings(s.courseId(), new TrainingSettings(600, 100)));
        Team team = as(s.student(), () -> formation.start(s.courseId(), "Thrifty"));
        var file = as(s.student(), () -> workspaces.upload(team.id(), "train.ipynb", NOTEBOOK.getBytes(UTF_8)));
        assertThatThrownBy(() -> as(s.student(), () -> runs.start(file.id())))
                .isInstanceOf(ConflictException.class).hasMessageContaining("your team Thrifty has 100 s left this week");
        assertThat(as(s.student(), () -> runs.runs(team.id()))).isEmpty();
    }
}
